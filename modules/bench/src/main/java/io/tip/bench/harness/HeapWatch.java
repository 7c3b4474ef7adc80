package io.tip.bench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The most heap the process used, sampled; broker, registry and both applications share it. */
public final class HeapWatch implements AutoCloseable {
    private static final long MB = 1024 * 1024;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long peakUsed;
    private volatile boolean running = true;

    public HeapWatch() {
        thread = new Thread(this::run, "bench-heap-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public long peakUsedMb() {
        return peakUsed / MB;
    }

    /** What stays after a full collection: the live data (tables, indexes, stores, broker). */
    public long liveMb() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed() / MB;
    }

    public long limitMb() {
        return memory.getHeapMemoryUsage().getMax() / MB;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
