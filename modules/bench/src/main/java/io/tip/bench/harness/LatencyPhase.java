package io.tip.bench.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;

import io.tip.model.MarketEvent;

/**
 * Offers new events to the running pipeline at a fixed rate — paced by the clock, not by the
 * pipeline, so a slow pipeline shows as latency instead of lowering the load — and records, for
 * every impact, the time from its event's append to market-events to the moment a read_committed
 * consumer could read it. The first seconds are left out as warm-up.
 */
public final class LatencyPhase {
    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final BenchStack stack;
    private final Loader loader;
    private final Reporter reporter;

    public LatencyPhase(BenchStack stack, Loader loader, Reporter reporter) {
        this.stack = stack;
        this.loader = loader;
        this.reporter = reporter;
    }

    public LatencyResult run(KafkaStreams pipeline, Progress progress, Supplier<MarketEvent> events, double ratePerSec,
                             Duration duration, Duration warmup) throws InterruptedException {
        String impactsTopic = stack.topics().impacts().name();
        long eventsBefore = progress.events();
        try (OutputTail tail = new OutputTail(stack.bootstrapServers(), stack.admin(), java.util.List.of(impactsTopic), impactsTopic, true);
             Producer<String, MarketEvent> producer = loader.eventProducer(1)) {
            long start = System.nanoTime();
            long warmEnd = start + warmup.toNanos();
            long end = start + duration.toNanos();
            boolean timing = false;
            GcPauses gc = null;
            long sent = 0;
            long sentAtWarmEnd = 0;
            for (long now = start; now < end; now = System.nanoTime()) {
                if (!timing && now >= warmEnd) {
                    tail.timeEventsFrom(System.currentTimeMillis());
                    gc = GcPauses.now();
                    sentAtWarmEnd = sent;
                    timing = true;
                }
                long due = (long) ((now - start) / 1e9 * ratePerSec);
                for (; sent < due; sent++) {
                    MarketEvent event = events.get();
                    producer.send(new ProducerRecord<>(stack.topics().marketEvents().name(), event.getId(), event));
                }
                Thread.sleep(1);
            }
            producer.flush();
            double achieved = (sent - sentAtWarmEnd) / ((end - warmEnd) / 1e9);
            drain(pipeline, progress, tail, impactsTopic, eventsBefore + sent);
            GcPauses paused = GcPauses.now().since(gc);
            LatencyResult result = LatencyResult.of(ratePerSec, achieved, tail.latency(), paused.count(), paused.millis(), tail.slowestAtSecond());
            reporter.progress(String.format("latency at %.0f events/s offered (%.0f sent): p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms, "
                            + "max %.0f ms %.1f s into the window, over %d impacts; %d GC pauses, %d ms in all",
                    ratePerSec, achieved, result.p50(), result.p99(), result.p999(), result.max(), result.maxAtSecond(), result.impacts(),
                    result.gcPauses(), result.gcPauseMs()));
            return result;
        }
    }

    private static void drain(KafkaStreams pipeline, Progress progress, OutputTail tail, String impactsTopic, long events)
            throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (progress.events() < events || tail.count(impactsTopic) < progress.impacts()) {
            if (System.nanoTime() > deadline || pipeline.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("the pipeline did not catch up with the offered load within " + DRAIN.toSeconds()
                        + " s (" + progress.events() + " of " + events + " events, state " + pipeline.state() + ")");
            }
            Thread.sleep(10);
        }
    }

    /** Collections and their pause time so far, over the stop-the-world collectors (G1's concurrent cycle is left out). */
    private record GcPauses(long count, long millis) {
        static GcPauses now() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!collector.getName().contains("Concurrent")) {
                    count += Math.max(0, collector.getCollectionCount());
                    millis += Math.max(0, collector.getCollectionTime());
                }
            }
            return new GcPauses(count, millis);
        }

        GcPauses since(GcPauses start) {
            return new GcPauses(count - start.count, millis - start.millis);
        }
    }
}
