package io.tip.app.cli;

import java.nio.file.Path;

import io.tip.devstack.EmbeddedStackConfig;
import io.tip.devstack.registry.RegistryServerSettings;
import picocli.CommandLine.Option;

/**
 * Where the local Kafka and schema registry keep their data and listen. The ports default to the
 * ones every other command connects to by default, so `tip load`, `tip publish` and friends need no flags.
 */
final class LocalStackOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".tip/dev",
            description = "Where the local broker keeps its data; a restart on the same DIR keeps topics and offsets (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "9092", description = "Kafka port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "N", defaultValue = "8081", description = "Schema registry port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    /** The registry listens where {@code registry.bind.address} says (loopback by default), with its users and limits. */
    EmbeddedStackConfig stack(RegistryServerSettings registry) {
        return new EmbeddedStackConfig(data.resolve("kafka"), kafkaPort, registryPort, registry);
    }
}
