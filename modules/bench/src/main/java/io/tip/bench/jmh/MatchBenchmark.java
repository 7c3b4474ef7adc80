package io.tip.bench.jmh;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.tip.bench.workload.EventGenerator;
import io.tip.bench.workload.EventMix;
import io.tip.bench.workload.SyntheticVault;
import io.tip.bench.workload.VaultGenerator;
import io.tip.engine.EngineConfig;
import io.tip.engine.internal.impact.ImpactFinder;
import io.tip.engine.internal.knowledge.CompiledSignal;
import io.tip.engine.internal.knowledge.KnowledgeBase;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;
import io.tip.rules.EventFacts;

/**
 * Matching per event against the signal index at 100, 10k and 100k theses, over the benchmark's
 * own event mix: the index lookup alone, and the whole of matching (entities resolved, rules
 * evaluated, impacts propagated and built). Flat cost means the same time at every size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchBenchmark {
    private static final int EVENTS = 4_096;

    @Param({"100", "10000", "100000"})
    int theses;

    private KnowledgeBase knowledge;
    private ImpactFinder finder;
    private MarketEvent[] events;
    private EventFacts[] facts;
    private int next;

    @Setup
    public void load() {
        SyntheticVault vault = new VaultGenerator(42).generate(theses);
        knowledge = new KnowledgeBase();
        vault.entities().forEach(knowledge.entities()::put);
        vault.theses().forEach(knowledge.theses()::put);
        vault.implications().forEach(knowledge.implications()::put);
        finder = new ImpactFinder(knowledge, new EngineConfig(Map.of()));
        EventGenerator generator = new EventGenerator(theses, EventMix.DEFAULT, 42, "evt", Instant.parse("2025-06-01T00:00:00Z"));
        events = new MarketEvent[EVENTS];
        facts = new EventFacts[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            MarketEvent e = generator.next();
            events[i] = e;
            facts[i] = knowledge.entities().facts(e);
        }
    }

    @Benchmark
    public Collection<CompiledSignal> indexLookup() {
        return knowledge.theses().candidates(facts[next++ & (EVENTS - 1)].keys());
    }

    @Benchmark
    public List<ThesisImpact> matchEvent() {
        return finder.find(events[next++ & (EVENTS - 1)]);
    }
}
