package io.tip.app.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.tip.app.config.SettingsOptions;
import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.registry.RegistryServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Run only a local Kafka broker and schema registry, kept in DATA, until Ctrl-C.",
        footer = {"", "Examples:", "  tip dev --data .tip/dev --kafka-port 9092 --registry-port 8081",
                "  then, in another terminal: tip load examples/vault && tip run",
                "  tip dev -D registry.bind.address=0.0.0.0 -D registry.auth.users.file=registry-users.properties",
                "      (the registry open to other hosts, with HTTP basic auth; Kafka stays on localhost)"})
public final class DevCommand implements Callable<Integer> {

    @Mixin
    LocalStackOptions local;

    @Mixin
    SettingsOptions source;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        RegistryServerSettings registry = source.settings().registryServer();
        EmbeddedStack stack = LocalStack.start(local.stack(registry));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "tip-dev-shutdown"));
        System.out.println("Kafka bootstrap servers: " + stack.bootstrapServers());
        System.out.println("Schema registry URL:     " + stack.registryUrl() + LocalStack.exposure(registry.bindAddress()));
        System.out.println("Data kept in " + local.data.toAbsolutePath() + ". Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
