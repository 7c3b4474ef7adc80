package io.tip.devstack.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to start an {@link EmbeddedKafka}: where its data lives, which client port it listens on
 * (0 = any free port), the default partition count of new topics, any extra broker settings, and
 * whether clients must authenticate (SASL/SCRAM-SHA-512) and be authorised by ACLs.
 */
public record EmbeddedKafkaConfig(Path dataDir, int port, int defaultPartitions, Map<String, String> overrides, boolean secured) {

    public EmbeddedKafkaConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = a free port), was " + port);
        }
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("defaultPartitions must be at least 1, was " + defaultPartitions);
        }
        overrides = Map.copyOf(overrides);
    }

    /** A broker on a free port, 3 partitions per new topic, data in {@code dataDir}, open to every client. */
    public static EmbeddedKafkaConfig in(Path dataDir) {
        return new EmbeddedKafkaConfig(dataDir, 0, 3, Map.of(), false);
    }

    public EmbeddedKafkaConfig withPort(int newPort) {
        return new EmbeddedKafkaConfig(dataDir, newPort, defaultPartitions, overrides, secured);
    }

    public EmbeddedKafkaConfig withOverrides(Map<String, String> newOverrides) {
        return new EmbeddedKafkaConfig(dataDir, port, defaultPartitions, newOverrides, secured);
    }

    /** Clients authenticate with SASL/SCRAM-SHA-512 and may do only what ACLs allow (see {@link BrokerSecurity}). */
    public EmbeddedKafkaConfig withSecurity() {
        return new EmbeddedKafkaConfig(dataDir, port, defaultPartitions, overrides, true);
    }
}
