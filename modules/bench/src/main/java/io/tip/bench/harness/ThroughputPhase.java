package io.tip.bench.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs one application over the events already in market-events and times it in steady state:
 * from the moment it has processed the warm-up share (JIT, global-table restore and the first
 * rebalance are behind it) until a read_committed consumer has seen every output.
 */
public final class ThroughputPhase {
    private static final Duration STALL = Duration.ofSeconds(60);

    private final BenchStack stack;
    private final long events;
    private final long warmupEvents;
    private final Reporter reporter;

    public ThroughputPhase(BenchStack stack, long events, double warmupShare, Reporter reporter) {
        this.stack = stack;
        this.events = events;
        this.warmupEvents = (long) (events * warmupShare);
        this.reporter = reporter;
    }

    /** Starts {@code streams} (running {@code app}) and measures it; the caller closes it. */
    public PhaseResult run(StreamsApps.App app, KafkaStreams streams, Progress progress, Completion completion) throws InterruptedException {
        double seconds;
        double cpuSeconds;
        long measuredImpacts;
        try (OutputTail tail = new OutputTail(stack.bootstrapServers(), stack.admin(), app.outputs(), null, false)) {
            streams.start();
            await(streams, progress, () -> progress.events() >= warmupEvents, app.id() + " warm-up");
            long start = System.nanoTime();
            long cpuAtStart = ProcessCpu.nanos();
            long impactsAtStart = progress.impacts();
            await(streams, progress, () -> progress.events() >= events && completion.done(progress, tail), app.id() + " outputs committed");
            seconds = (System.nanoTime() - start) / 1e9;
            cpuSeconds = (ProcessCpu.nanos() - cpuAtStart) / 1e9;
            measuredImpacts = progress.impacts() - impactsAtStart;
        }
        RecordCounter.Written written = RecordCounter.written(stack.bootstrapServers(), stack.admin(), app.id(), app.outputs());
        PhaseResult result = new PhaseResult(app.id(), events, events - warmupEvents, seconds, cpuSeconds, measuredImpacts,
                written.records(), written.bytes());
        reporter.progress(String.format("%s: %.0f events/s over the last %d events (%.1f s, %.1f CPU-s: %.0f events per CPU-s), "
                        + "%.2f records and %.0f bytes written per event %s",
                app.id(), result.eventsPerSec(), result.measuredEvents(), seconds, cpuSeconds, result.eventsPerCpuSecond(),
                result.recordsWrittenPerEvent(),
                result.bytesWrittenPerEvent(), written.bytesByTopic()));
        return result;
    }

    private void await(KafkaStreams streams, Progress progress, BooleanSupplier condition, String what) throws InterruptedException {
        long lastEvents = -1;
        long lastChange = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException(what + ": the application stopped (" + streams.state() + "); see the log");
            }
            if (progress.events() != lastEvents) {
                lastEvents = progress.events();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
                throw new IllegalStateException(what + ": no progress for " + STALL.toSeconds() + " s at " + lastEvents + " events");
            }
            Thread.sleep(5);
        }
    }

    /** When everything the application was given is visible downstream. */
    @FunctionalInterface
    public interface Completion {
        boolean done(Progress progress, OutputTail tail);
    }
}
