package io.tip.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C / SIGTERM into a flag the command's own thread sees, and holds the JVM until that
 * thread has closed what it opened — so Kafka Streams commits and closes its transactions.
 */
final class ShutdownSignal implements AutoCloseable {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    ShutdownSignal() {
        hook = new Thread(() -> {
            requested.countDown();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tip-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Blocks until a shutdown is requested. */
    void await() throws InterruptedException {
        requested.await();
    }

    @Override
    public void close() {
        finished.countDown();
        if (!requested()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook will find `finished` counted down
            }
        }
    }
}
