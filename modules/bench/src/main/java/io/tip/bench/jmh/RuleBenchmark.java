package io.tip.bench.jmh;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.tip.rules.EventFacts;
import io.tip.rules.Party;
import io.tip.rules.Rule;

/** Evaluating one parsed rule against one event's facts: the seed note's kind of rule, when it fires and when it does not. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RuleBenchmark {
    private final Rule rule = Rule.parse("type=acquisition,merger and target.tag=inference-specialist and amount>=1B");
    private final Rule wide = Rule.parse("(entity=NVIDIA or tag=edge-inference) and not headline~\"rumour\"");
    private final EventFacts fires = new EventFacts("ACQUISITION", new Party(Set.of("nvidia", "nvda"), Set.of("gpu")),
            new Party(Set.of("groq"), Set.of("inference-specialist")), Set.of("inference"), 20_000_000_000L, "NVIDIA to acquire Groq for $20B");
    private final EventFacts misses = new EventFacts("PRODUCT_LAUNCH", new Party(Set.of("acme"), Set.of()),
            null, Set.of("noise"), null, "Acme launches a widget");

    @Benchmark
    public boolean ruleFires() {
        return rule.matches(fires);
    }

    @Benchmark
    public boolean ruleMisses() {
        return rule.matches(misses);
    }

    @Benchmark
    public boolean orNotHeadline() {
        return wide.matches(fires);
    }

    @Benchmark
    public Set<?> eventKeys() {
        return fires.keys();
    }
}
