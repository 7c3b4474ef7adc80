package io.tip.devstack.registry;

import java.util.Objects;

/** Where the registry keeps its schemas (a Kafka cluster and topic) and the HTTP port it serves (0 = a free port). */
public record SchemaRegistryServerConfig(String bootstrapServers, int port, String topic) {
    public static final String DEFAULT_TOPIC = "_schemas";

    public SchemaRegistryServerConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = a free port), was " + port);
        }
    }

    /** Schemas in {@value #DEFAULT_TOPIC} on this cluster, HTTP on a free port. */
    public static SchemaRegistryServerConfig forKafka(String bootstrapServers) {
        return new SchemaRegistryServerConfig(bootstrapServers, 0, DEFAULT_TOPIC);
    }

    public SchemaRegistryServerConfig withPort(int newPort) {
        return new SchemaRegistryServerConfig(bootstrapServers, newPort, topic);
    }

    public SchemaRegistryServerConfig withTopic(String newTopic) {
        return new SchemaRegistryServerConfig(bootstrapServers, port, newTopic);
    }
}
