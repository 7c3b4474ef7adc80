package io.tip.devstack.registry;

import java.util.Objects;

/**
 * Where the registry keeps its schemas (a Kafka cluster and topic) and where it serves HTTP: a host
 * to bind ({@value #LOOPBACK} by default, like the embedded broker; {@code 0.0.0.0} for every
 * interface, as in a container) and a port (0 = a free port).
 */
public record SchemaRegistryServerConfig(String bootstrapServers, String host, int port, String topic) {
    public static final String DEFAULT_TOPIC = "_schemas";
    public static final String LOOPBACK = "localhost";

    public SchemaRegistryServerConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = a free port), was " + port);
        }
    }

    /** Schemas in {@value #DEFAULT_TOPIC} on this cluster, HTTP on a free loopback port. */
    public static SchemaRegistryServerConfig forKafka(String bootstrapServers) {
        return new SchemaRegistryServerConfig(bootstrapServers, LOOPBACK, 0, DEFAULT_TOPIC);
    }

    public SchemaRegistryServerConfig withHost(String newHost) {
        return new SchemaRegistryServerConfig(bootstrapServers, newHost, port, topic);
    }

    public SchemaRegistryServerConfig withPort(int newPort) {
        return new SchemaRegistryServerConfig(bootstrapServers, host, newPort, topic);
    }

    public SchemaRegistryServerConfig withTopic(String newTopic) {
        return new SchemaRegistryServerConfig(bootstrapServers, host, port, newTopic);
    }
}
