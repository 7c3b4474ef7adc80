package io.tip.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import io.tip.bench.harness.BenchStack;
import io.tip.bench.harness.HeapWatch;
import io.tip.bench.harness.LatencyPhase;
import io.tip.bench.harness.LatencyResult;
import io.tip.bench.harness.Loader;
import io.tip.bench.harness.PhaseResult;
import io.tip.bench.harness.Progress;
import io.tip.bench.harness.ReplayPhase;
import io.tip.bench.harness.Reporter;
import io.tip.bench.harness.StreamsApps;
import io.tip.bench.harness.ThroughputPhase;
import io.tip.bench.workload.EventGenerator;
import io.tip.bench.workload.EventMix;
import io.tip.bench.workload.SubscriptionGenerator;
import io.tip.bench.workload.SyntheticVault;
import io.tip.bench.workload.VaultGenerator;
import io.tip.model.Subscription;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure tip against a plain Kafka Streams passthrough on one embedded broker: the same events, partitions "
                + "and guarantee; steady-state throughput, then end-to-end latency at a fixed share of the pipeline's maximum.",
        footer = {"", "Examples:", "  tip bench --theses 10000 --events 200000 --json",
                "  tip bench --theses 100000 --events 200000 --guarantee at_least_once",
                "  tip bench --theses 1000 --events 50000 --subscriptions 1000 --no-latency",
                "  tip bench --replay --theses 10000 --events 1000000",
                "  tip bench --theses 10000 --events 200000 --runs 5 --set producer.linger.ms=20"})
public final class BenchCommand implements Callable<Integer> {
    /** Event time of every generated event: in the past, as validation wants, and fixed so runs are reproducible. */
    private static final Instant OCCURRED_AT = Instant.parse("2025-06-01T00:00:00Z");

    @Option(names = "--theses", defaultValue = "10000", description = "Theses in the synthetic vault (default: ${DEFAULT-VALUE}).")
    int theses;

    @Option(names = "--events", defaultValue = "200000", description = "Events each application processes (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--guarantee", defaultValue = StreamsConfig.EXACTLY_ONCE_V2,
            description = "exactly_once_v2 or at_least_once, for both applications (default: ${DEFAULT-VALUE}).")
    String guarantee;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads of each application (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--match-rate", defaultValue = "0.20", description = "Share of events that move at least one thesis (default: ${DEFAULT-VALUE}).")
    double matchRate;

    @Option(names = "--fan-out-rate", defaultValue = "0.02", description = "Share of events that move five or more (default: ${DEFAULT-VALUE}).")
    double fanOutRate;

    @Option(names = "--resend-rate", defaultValue = "0.01", description = "Share of events re-sent with an earlier id (default: ${DEFAULT-VALUE}).")
    double resendRate;

    @Option(names = "--warmup", defaultValue = "0.2", description = "Share of the events processed before the clock starts (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--latency", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "After the throughput runs, measure end-to-end latency at a fixed load (default: on; --no-latency skips it).")
    boolean latency;

    @Option(names = "--latency-load", defaultValue = "0.5", description = "Offered load as a share of the measured pipeline rate (default: ${DEFAULT-VALUE}).")
    double latencyLoad;

    @Option(names = "--latency-seconds", defaultValue = "30", description = "Length of the latency run; the first 5 s are warm-up (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--subscriptions", defaultValue = "0",
            description = "Analysts' subscriptions the pipeline routes impacts to (impacts.NAME topics) (default: ${DEFAULT-VALUE}).")
    int subscriptions;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated vault and events (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--replay", description = "Measure the replay of `tip backtest` instead (read market-events back and evaluate "
            + "every event offline), and evaluation alone; the passthrough and pipeline runs are skipped.")
    boolean replay;

    @Option(names = "--runs", defaultValue = "1",
            description = "Independent runs, each on a fresh broker with passthrough and pipeline in turn; with more than one, "
                    + "the median of each figure and its spread (min–max) are reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A Kafka Streams or client setting for the pipeline over tip's own defaults (repeatable), "
                    + "to measure a setting A/B, e.g. --set producer.compression.type=lz4.")
    Map<String, String> pipelineSettings = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print one JSON line with the results last on standard output (the table goes to standard error).")
    boolean json;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) && !guarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--guarantee must be exactly_once_v2 or at_least_once, not " + guarantee);
        }
        if (runs < 1 || (replay && runs != 1)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--runs must be 1 or more (and 1 with --replay), not " + runs);
        }
        Reporter reporter = line -> System.err.println("bench: " + line);
        List<BenchReport> reports = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            if (runs > 1) {
                reporter.progress(String.format(Locale.ROOT, "run %d of %d (load average %s)", run, runs, BenchReport.loadAverage()));
            }
            BenchReport report = runOnce(reporter);
            if (report == null) {
                return 0; // --replay printed its own table
            }
            reports.add(report);
            if (runs > 1) {
                System.err.print(report.table());
            }
        }
        BenchReport.Summary summary = runs > 1 ? BenchReport.Summary.of(reports) : null;
        String table = summary != null ? summary.table() : reports.get(0).table();
        String line = summary != null ? summary.json() : reports.get(0).json();
        if (json) {
            System.err.print(table);
            System.out.println(line);
        } else {
            System.out.print(table);
        }
        return 0;
    }

    /** Generates the vault and writes it to its topics; returns it for --replay, else null. */
    private SyntheticVault loadVault(Loader loader) {
        SyntheticVault vault = new VaultGenerator(seed).generate(theses);
        loader.vault(vault);
        return replay ? vault : null;
    }

    /** One run on a fresh stack: the passthrough, then the pipeline, over the same events; null after --replay. */
    private BenchReport runOnce(Reporter reporter) throws Exception {
        EventMix mix = new EventMix(matchRate, fanOutRate, resendRate);
        String loadBefore = BenchReport.loadAverage();
        try (HeapWatch heap = new HeapWatch(); BenchStack stack = BenchStack.start(partitions)) {
            Loader loader = new Loader(stack.bootstrapServers(), stack.topics());
            reporter.progress(String.format("loading a vault of %,d theses and %,d events", theses, events));
            // Only --replay keeps the bench's own copy of the vault: the other runs measure the pipeline's heap,
            // and at 100,000 theses that copy held ~180 MB of it (live heap 813 -> 633 MB).
            SyntheticVault replayVault = loadVault(loader);
            List<String> subscriptionNames = List.of();
            if (subscriptions > 0) {
                List<Subscription> generatedSubscriptions = new SubscriptionGenerator(seed).generate(subscriptions, theses);
                subscriptionNames = generatedSubscriptions.stream().map(Subscription::getName).toList();
                stack.createSubscriptionTopics(subscriptionNames);
                loader.subscriptions(generatedSubscriptions);
                reporter.progress(String.format("%,d subscriptions loaded", subscriptions));
            }
            EventGenerator generated = new EventGenerator(theses, mix, seed, "evt", OCCURRED_AT);
            loader.events(events, generated::next);
            if (replay) {
                EventGenerator again = new EventGenerator(theses, mix, seed, "evt", OCCURRED_AT);
                ReplayPhase.Result result = new ReplayPhase(stack, reporter).run(replayVault, events, again::next);
                String header = String.format("tip bench --replay: %,d theses, %,d events, %d partitions, heap peak %,d MB of %,d MB%n",
                        theses, events, partitions, heap.peakUsedMb(), heap.limitMb());
                if (json) {
                    System.err.print(header + result.table());
                    System.out.println(result.json());
                } else {
                    System.out.print(header + result.table());
                }
                return null;
            }

            StreamsApps apps = new StreamsApps(stack, guarantee, threads);
            ThroughputPhase phase = new ThroughputPhase(stack, events, warmup, reporter);
            Progress passthroughProgress = new Progress();
            StreamsApps.App passthroughApp = apps.passthrough(passthroughProgress);
            PhaseResult passthrough;
            try (KafkaStreams streams = new KafkaStreams(passthroughApp.topology(), passthroughApp.properties())) {
                passthrough = phase.run(passthroughApp, streams, passthroughProgress,
                        (progress, tail) -> tail.count(BenchStack.PASSTHROUGH_TOPIC) >= events);
            }

            Progress pipelineProgress = new Progress();
            StreamsApps.App pipelineApp = apps.pipeline(pipelineProgress, pipelineSettings);
            String unmatched = stack.topics().unmatched().name();
            String impacts = stack.topics().impacts().name();
            PhaseResult pipeline;
            LatencyResult latencyResult = null;
            long liveMb;
            try (KafkaStreams streams = new KafkaStreams(pipelineApp.topology(), pipelineApp.properties())) {
                // Done when every unmatched event and every impact is readable downstream and, under exactly-once,
                // the state fold has committed its read of every impact: its state and alerts are written in that same
                // transaction. At-least-once commits every 30 s and writes thesis-state at commit, as a KTable does:
                // waiting for that commit would time the commit interval, not the pipeline.
                boolean exactlyOnce = guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2);
                pipeline = phase.run(pipelineApp, streams, pipelineProgress, (progress, tail) ->
                        tail.count(unmatched) >= progress.unmatchedEvents() && tail.count(impacts) >= progress.impacts()
                                && (!exactlyOnce || tail.consumedBy(StreamsApps.PIPELINE_ID, impacts)));
                liveMb = heap.liveMb();
                if (latency) {
                    EventGenerator fresh = new EventGenerator(theses, mix, seed + 1, "lat", OCCURRED_AT);
                    latencyResult = new LatencyPhase(stack, loader, reporter).run(streams, pipelineProgress, fresh::next,
                            pipeline.eventsPerSec() * latencyLoad, Duration.ofSeconds(latencySeconds), Duration.ofSeconds(5));
                }
            }
            long routed = stack.routedCopies(subscriptionNames);
            return new BenchReport(theses, events, subscriptions, routed, guarantee, partitions, threads, pipelineSettings, passthrough,
                    pipeline, latencyResult, heap.peakUsedMb(), liveMb, heap.limitMb(), loadBefore + " -> " + BenchReport.loadAverage());
        }
    }
}
