package io.tip.app.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

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
    private final Counter threadReplacements;
    private final MeterRegistry registry;
    private final Map<String, String> lastSkipped = new ConcurrentSkipListMap<>();

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        threadReplacements = Counter.builder("tip.stream.thread.replacements")
                .description("Stream threads that failed and were replaced").register(registry);
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

    @Override
    public void threadReplaced() {
        threadReplacements.increment();
    }

    @Override
    public void tableRecordSkipped(String topic, String reason) {
        Counter.builder("tip.table.records.skipped").tag("topic", topic)
                .description("Records of the table topics that could not be read and were skipped").register(registry).increment();
        lastSkipped.put(topic, reason.length() > 500 ? reason.substring(0, 500) + "..." : reason);
    }

    /** Per table topic, how many records were skipped and why the last one was. */
    public Map<String, Map<String, Object>> skippedTableRecords() {
        Map<String, Map<String, Object>> skipped = new TreeMap<>();
        lastSkipped.forEach((topic, reason) -> skipped.put(topic, Map.of(
                "skipped", (long) registry.get("tip.table.records.skipped").tag("topic", topic).counter().count(),
                "lastReason", reason)));
        return skipped;
    }
}
