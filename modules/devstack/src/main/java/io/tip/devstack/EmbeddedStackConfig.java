package io.tip.devstack;

import java.nio.file.Path;
import java.util.Objects;

import io.tip.devstack.registry.RegistryServerSettings;

/**
 * Where the local stack keeps its Kafka data, which ports it listens on (0 = a free port) and the
 * registry's own settings (its address — loopback by default — users and limits).
 */
public record EmbeddedStackConfig(Path dataDir, int kafkaPort, int registryPort, RegistryServerSettings registry) {

    public EmbeddedStackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(registry, "registry");
        checkPort("kafkaPort", kafkaPort);
        checkPort("registryPort", registryPort);
    }

    public EmbeddedStackConfig(Path dataDir, int kafkaPort, int registryPort) {
        this(dataDir, kafkaPort, registryPort, RegistryServerSettings.defaults());
    }

    /** Data in {@code dataDir}, both services on free ports. */
    public static EmbeddedStackConfig in(Path dataDir) {
        return new EmbeddedStackConfig(dataDir, 0, 0);
    }

    public EmbeddedStackConfig withKafkaPort(int port) {
        return new EmbeddedStackConfig(dataDir, port, registryPort, registry);
    }

    public EmbeddedStackConfig withRegistryPort(int port) {
        return new EmbeddedStackConfig(dataDir, kafkaPort, port, registry);
    }

    public EmbeddedStackConfig withRegistry(RegistryServerSettings settings) {
        return new EmbeddedStackConfig(dataDir, kafkaPort, registryPort, settings);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0..65535 (0 = a free port), was " + port);
        }
    }
}
