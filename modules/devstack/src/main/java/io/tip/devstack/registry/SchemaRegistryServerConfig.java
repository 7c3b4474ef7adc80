package io.tip.devstack.registry;

import java.util.Objects;

/**
 * Where the registry keeps its schemas (a Kafka cluster and topic), where it serves HTTP — a host to
 * bind ({@value #LOOPBACK} by default, like the embedded broker; {@code 0.0.0.0} for every interface, as in
 * a container) and a port (0 = a free port) — and its other {@link RegistryServerSettings} (users, limits).
 */
public record SchemaRegistryServerConfig(String bootstrapServers, String host, int port, String topic,
                                         RegistryServerSettings settings) {
    public static final String DEFAULT_TOPIC = "_schemas";
    public static final String LOOPBACK = "localhost";

    public SchemaRegistryServerConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(settings, "settings");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = a free port), was " + port);
        }
    }

    public SchemaRegistryServerConfig(String bootstrapServers, String host, int port, String topic) {
        this(bootstrapServers, host, port, topic, RegistryServerSettings.defaults());
    }

    /** Schemas in {@value #DEFAULT_TOPIC} on this cluster, HTTP on a free loopback port. */
    /**
     * The transactional id every instance on {@code topic} writes with (one writer at a time). Not "tip-…": on a
     * secured cluster the pipeline may use every transactional id starting with its application id and a dash, and
     * the default application id is "tip" (docs/security.md).
     */
    public static String transactionalId(String topic) {
        return "tip.schema-registry." + topic;
    }

    public static SchemaRegistryServerConfig forKafka(String bootstrapServers) {
        return new SchemaRegistryServerConfig(bootstrapServers, LOOPBACK, 0, DEFAULT_TOPIC);
    }

    public SchemaRegistryServerConfig withHost(String newHost) {
        return new SchemaRegistryServerConfig(bootstrapServers, newHost, port, topic, settings);
    }

    public SchemaRegistryServerConfig withPort(int newPort) {
        return new SchemaRegistryServerConfig(bootstrapServers, host, newPort, topic, settings);
    }

    public SchemaRegistryServerConfig withTopic(String newTopic) {
        return new SchemaRegistryServerConfig(bootstrapServers, host, port, newTopic, settings);
    }

    /** These settings, and the host they name ({@value RegistryServerSettings#BIND_ADDRESS}). */
    public SchemaRegistryServerConfig withSettings(RegistryServerSettings newSettings) {
        return new SchemaRegistryServerConfig(bootstrapServers, newSettings.bindAddress(), port, topic, newSettings);
    }
}
