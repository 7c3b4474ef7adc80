package io.tip.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

import io.tip.app.config.AppConfig;
import io.tip.app.config.TipSettings;
import io.tip.app.format.EventLines;
import io.tip.app.http.HttpApi;
import io.tip.app.kafka.ConsumerLag;
import io.tip.app.kafka.EventPublisher;
import io.tip.app.kafka.TopicFeed;
import io.tip.app.kafka.KafkaCluster;
import io.tip.app.pipeline.PipelineService;
import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topics;
import io.tip.notes.Vault;
import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.EmbeddedStackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a local Kafka broker, schema registry and the pipeline; load the example vault, publish the "
                + "example events and print every thesis impact as it arrives; the dashboard is at http://localhost:8080/.",
        footer = {"", "Examples:", "  tip demo", "  tip demo --exit-when-idle --json | jq .",
                "  tip demo --vault ~/my-vault --events my-events.jsonl"})
public final class DemoCommand implements Callable<Integer> {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @Option(names = "--vault", paramLabel = "DIR", defaultValue = "${env:TIP_HOME:-.}/examples/vault", description = "Vault to load (default: ${DEFAULT-VALUE}).")
    Path vault;

    @Option(names = "--events", paramLabel = "FILE", defaultValue = "${env:TIP_HOME:-.}/examples/events.jsonl", description = "Events to publish (default: ${DEFAULT-VALUE}).")
    Path events;

    @Option(names = "--exit-when-idle", description = "Exit 0 once every event is processed and every impact printed.")
    boolean exitWhenIdle;

    @Option(names = "--json", description = "One JSON object per impact on standard output (progress goes to standard error).")
    boolean json;

    @Option(names = "--http-port", paramLabel = "N",
            description = "Port of the dashboard and HTTP API (default: 8080, or any free port with --exit-when-idle; 0 = any free port).")
    Integer httpPort;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(events)) {
            throw new UserError("cannot read events file " + events + ": run from the tip folder, or pass --events FILE");
        }
        Vault read = VaultReading.read(vault);
        if (read.hasErrors()) {
            read.errors().forEach(p -> System.err.println(VaultReading.located(vault, p)));
            throw new UserError("the vault has errors (above); `tip lint " + vault + "` checks it");
        }
        Path data = Files.createTempDirectory("tip-demo-");
        // Outermost, so Ctrl-C waits until the pipeline, the broker and the temporary data are gone.
        try (ShutdownSignal shutdown = new ShutdownSignal()) {
            return demo(read, data, shutdown);
        } finally {
            deleteQuietly(data);
        }
    }

    private int demo(Vault read, Path data, ShutdownSignal shutdown) throws IOException {
        say("starting a local Kafka broker and schema registry ...");
        try (EmbeddedStack stack = LocalStack.start(new EmbeddedStackConfig(data, 0, 0))) {
            TipSettings settings = TipSettings.load(null, Map.of(), Map.of(
                    AppConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
                    AppConfig.SCHEMA_REGISTRY_URL, stack.registryUrl(),
                    "application.id", "tip-demo",
                    "state.dir", data.resolve("streams").toString(),
                    AppConfig.HTTP_PORT, String.valueOf(httpPort()),
                    // Start-up waits, measured with log timestamps (BENCHMARKS.md, "Demo start-up"): Streams restores
                    // the global tables one partition at a time, and a partition's end-offset lookup queues on the
                    // broker behind the previous partition's fetch, which waits fetch.max.wait.ms (500 ms) for data
                    // that never comes: 6 × 0.5 s for the example vault, and 2 × 0.5 s the same way for the
                    // changelogs. The demo's broker is local and idle, so short fetch waits cost nothing there;
                    // `tip run` keeps Kafka's defaults (an idle global consumer would fetch 20 times a second).
                    StreamsConfig.GLOBAL_CONSUMER_PREFIX + ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50",
                    StreamsConfig.RESTORE_CONSUMER_PREFIX + ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"));
            Topics topics = settings.topics();
            say("Kafka at " + stack.bootstrapServers() + ", schema registry at " + stack.registryUrl());
            LoadCommand.load(settings, topics, read, false);
            say("loaded " + vault + ": " + read.theses().size() + " theses, " + read.implications().size() + " implications, "
                    + read.entities().size() + " entities");
            try (HttpApi http = startHttp(settings, topics);
                 PipelineService pipeline = PipelineService.start(http.streamsSettings(settings), topics, http.metrics());
                 TopicFeed<ThesisImpact> feed = new TopicFeed<>(settings.kafka(), topics.impacts(), true)) {
                http.attach(pipeline);
                pipeline.awaitRunning(START_TIMEOUT);
                say("dashboard at http://localhost:" + http.port() + "/");
                long published = publish(settings, topics);
                say("published " + published + " events from " + events + "; impacts follow" + (exitWhenIdle ? "" : " (Ctrl-C to stop)"));
                follow(feed, settings, topics, pipeline.applicationId(), shutdown);
            }
        }
        return 0;
    }

    private int httpPort() {
        return httpPort != null ? httpPort : exitWhenIdle ? 0 : 8080;
    }

    private HttpApi startHttp(TipSettings settings, Topics topics) {
        try {
            return HttpApi.start(settings, topics);
        } catch (RuntimeException e) {
            throw new UserError("cannot serve the dashboard on port " + httpPort() + " (" + e.getMessage()
                    + "): pass --http-port N, or 0 for any free port");
        }
    }

    private long publish(TipSettings settings, Topics topics) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8);
             EventPublisher publisher = new EventPublisher(settings.kafka(), topics.marketEvents())) {
            EventLines.Result result = EventLines.read(reader, events.toString(), publisher::publish, System.err::println);
            publisher.flush();
            return result.events();
        }
    }

    private void follow(TopicFeed<ThesisImpact> feed, TipSettings settings, Topics topics, String applicationId, ShutdownSignal shutdown) {
        ImpactPrinter printer = new ImpactPrinter(json);
        try (KafkaCluster cluster = KafkaCluster.connect(settings.kafka())) {
            while (!shutdown.requested()) {
                feed.values(Duration.ofMillis(250), printer);
                printer.flush();
                if (exitWhenIdle && ConsumerLag.of(cluster.admin(), applicationId, topics.marketEvents().name()) == 0 && feed.caughtUp()) {
                    feed.values(Duration.ofMillis(100), printer);
                    printer.flush();
                    say("every event processed; exiting");
                    return;
                }
            }
        }
    }


    private static void say(String message) {
        System.err.println("tip demo: " + message);
    }

    private static void deleteQuietly(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
