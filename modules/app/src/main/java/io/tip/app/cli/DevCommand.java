package io.tip.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.tip.registry.embedded.EmbeddedStack;
import io.tip.registry.embedded.EmbeddedStackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Run only a local Kafka broker and schema registry, kept in DATA, until Ctrl-C.",
        footer = {"", "Example:", "  tip dev --data .tip/dev --kafka-port 9092 --registry-port 8081",
                "  then, in another terminal: tip load examples/vault && tip run"})
public final class DevCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".tip/dev",
            description = "Where the broker keeps its data; a restart on the same DIR keeps topics and offsets (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedStack stack = LocalStack.start(new EmbeddedStackConfig(data, kafkaPort, registryPort));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "tip-dev-shutdown"));
        System.out.println("Kafka bootstrap servers: " + stack.bootstrapServers());
        System.out.println("Schema registry URL:     " + stack.registryUrl());
        System.out.println("Data kept in " + data.toAbsolutePath() + ". Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
