package io.tip.app.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.tip.devstack.EmbeddedStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Run only a local Kafka broker and schema registry, kept in DATA, until Ctrl-C.",
        footer = {"", "Example:", "  tip dev --data .tip/dev --kafka-port 9092 --registry-port 8081",
                "  then, in another terminal: tip load examples/vault && tip run"})
public final class DevCommand implements Callable<Integer> {

    @Mixin
    LocalStackOptions local;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedStack stack = LocalStack.start(local.stack());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "tip-dev-shutdown"));
        System.out.println("Kafka bootstrap servers: " + stack.bootstrapServers());
        System.out.println("Schema registry URL:     " + stack.registryUrl());
        System.out.println("Data kept in " + local.data.toAbsolutePath() + ". Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
