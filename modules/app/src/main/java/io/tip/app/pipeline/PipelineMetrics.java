package io.tip.app.pipeline;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tip.engine.PipelineListener;

/** The pipeline's own counters, beside the Kafka Streams metrics, in one Micrometer registry. */
public final class PipelineMetrics implements PipelineListener {
    private final Counter matched;
    private final Counter unmatched;
    private final Counter duplicates;
    private final Counter deadLetters;
    private final Counter impacts;
    private final Timer latency;

    public PipelineMetrics(MeterRegistry registry) {
        matched = events(registry, "matched");
        unmatched = events(registry, "unmatched");
        duplicates = events(registry, "duplicate");
        deadLetters = events(registry, "dead_letter");
        impacts = Counter.builder("tip.impacts").description("Thesis impacts published").register(registry);
        latency = Timer.builder("tip.event.latency")
                .description("From an event's append to market-events to its impacts being produced")
                .publishPercentiles(0.5, 0.99, 0.999)
                .register(registry);
    }

    private static Counter events(MeterRegistry registry, String outcome) {
        return Counter.builder("tip.events").tag("outcome", outcome)
                .description("Market events read, by what became of them").register(registry);
    }

    @Override
    public void matched(int impactCount, long latencyMs) {
        matched.increment();
        impacts.increment(impactCount);
        latency.record(Duration.ofMillis(Math.max(0, latencyMs)));
    }

    @Override
    public void unmatched() {
        unmatched.increment();
    }

    @Override
    public void duplicate() {
        duplicates.increment();
    }

    @Override
    public void deadLetter() {
        deadLetters.increment();
    }
}
