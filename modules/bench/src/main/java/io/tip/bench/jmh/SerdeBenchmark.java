package io.tip.bench.jmh;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Serde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.tip.bench.workload.EventGenerator;
import io.tip.bench.workload.EventMix;
import io.tip.bench.workload.VaultGenerator;
import io.tip.engine.EngineConfig;
import io.tip.engine.internal.impact.ImpactFinder;
import io.tip.engine.internal.knowledge.KnowledgeBase;
import io.tip.engine.internal.state.ThesisStateFold;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.topics.Topics;
import io.tip.registry.client.RegistryClientConfig;

/**
 * tip's Avro serde (Confluent wire format, in-memory registry) on the records the pipeline moves:
 * every event is read, impacts are written, and each impact writes its thesis's state (with its
 * last impacts, as summaries) twice — to the store's changelog and to thesis-state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerdeBenchmark {
    private Serde<MarketEvent> events;
    private Serde<ThesisImpact> impacts;
    private Serde<ThesisState> states;
    private MarketEvent event;
    private byte[] eventBytes;
    private ThesisImpact impact;
    private byte[] impactBytes;
    private ThesisState state;
    private byte[] stateBytes;

    @Setup
    public void records() {
        Topics topics = Topics.create("", Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, "mock://serde-benchmark"));
        events = topics.marketEvents().valueSerde();
        impacts = topics.impacts().valueSerde();
        states = topics.state().valueSerde();
        KnowledgeBase knowledge = new KnowledgeBase();
        var vault = new VaultGenerator(42).generate(1_000);
        vault.entities().forEach(knowledge.entities()::put);
        vault.theses().forEach(knowledge.theses()::put);
        vault.implications().forEach(knowledge.implications()::put);
        ImpactFinder finder = new ImpactFinder(knowledge, new EngineConfig(Map.of()));
        EventGenerator generator = new EventGenerator(1_000, EventMix.DEFAULT, 42, "evt", Instant.parse("2025-06-01T00:00:00Z"));
        ThesisStateFold fold = new ThesisStateFold(new EngineConfig(Map.of()).lastImpacts(), 0.5);
        for (int found = 0; found < 10; ) {
            MarketEvent e = generator.next();
            List<ThesisImpact> moved = finder.find(e);
            if (!moved.isEmpty()) {
                event = e;
                impact = moved.get(0);
                state = fold.apply(state, ThesisImpact.newBuilder(impact).setThesisId("thesis-0").build());
                found++;
            }
        }
        eventBytes = events.serializer().serialize(topics.marketEvents().name(), event);
        impactBytes = impacts.serializer().serialize(topics.impacts().name(), impact);
        stateBytes = states.serializer().serialize(topics.state().name(), state);
    }

    @Benchmark
    public MarketEvent readEvent() {
        return events.deserializer().deserialize("market-events", eventBytes);
    }

    @Benchmark
    public byte[] writeEvent() {
        return events.serializer().serialize("market-events", event);
    }

    @Benchmark
    public byte[] writeImpact() {
        return impacts.serializer().serialize("thesis-impacts", impact);
    }

    @Benchmark
    public ThesisImpact readImpact() {
        return impacts.deserializer().deserialize("thesis-impacts", impactBytes);
    }

    @Benchmark
    public byte[] writeState() {
        return states.serializer().serialize("thesis-state", state);
    }

    @Benchmark
    public ThesisState readState() {
        return states.deserializer().deserialize("thesis-state", stateBytes);
    }
}
