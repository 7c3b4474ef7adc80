package io.tip.devstack;

import java.nio.file.Path;
import java.util.Objects;

/** Where the local stack keeps its Kafka data and which ports it listens on (0 = a free port). */
public record EmbeddedStackConfig(Path dataDir, int kafkaPort, int registryPort) {

    public EmbeddedStackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        checkPort("kafkaPort", kafkaPort);
        checkPort("registryPort", registryPort);
    }

    /** Data in {@code dataDir}, both services on free ports. */
    public static EmbeddedStackConfig in(Path dataDir) {
        return new EmbeddedStackConfig(dataDir, 0, 0);
    }

    public EmbeddedStackConfig withKafkaPort(int port) {
        return new EmbeddedStackConfig(dataDir, port, registryPort);
    }

    public EmbeddedStackConfig withRegistryPort(int port) {
        return new EmbeddedStackConfig(dataDir, kafkaPort, port);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0..65535 (0 = a free port), was " + port);
        }
    }
}
