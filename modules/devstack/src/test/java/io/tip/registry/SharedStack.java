package io.tip.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.EmbeddedStackConfig;

/** One broker + registry for every test class in this JVM: starting Kafka is the slow part. Tests use unique topics. */
public final class SharedStack {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedStack stack;

    private SharedStack() {
    }

    public static synchronized EmbeddedStack get() {
        if (stack == null) {
            try {
                Path dir = Files.createTempDirectory("tip-registry-test");
                stack = EmbeddedStack.start(EmbeddedStackConfig.in(dir));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stack.close();
                    delete(dir);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    /** A topic (and so subject) name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
