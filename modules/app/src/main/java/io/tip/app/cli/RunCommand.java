package io.tip.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.tip.app.config.AppConfig;
import io.tip.app.config.ConnectionOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.http.HttpApi;
import io.tip.app.kafka.KafkaCluster;
import io.tip.app.pipeline.PipelineService;
import io.tip.model.topics.Topics;
import io.tip.devstack.EmbeddedStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the pipeline service with its HTTP API until SIGTERM / Ctrl-C. Several instances with the same "
                + "application.id share the work.",
        footer = {"", "Examples:", "  tip run                                  (Kafka on localhost:9092, e.g. from `tip dev`)",
                "  tip run --embedded                       (its own local Kafka and registry, kept in .tip/dev)",
                "  tip run --config prod.properties --http-port 8080",
                "  tip run --describe                       (print the topology and exit)"})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--embedded", description = "Start a local Kafka broker and schema registry too (see --data, --kafka-port, --registry-port).")
    boolean embedded;

    @Mixin
    LocalStackOptions local;

    @Option(names = "--http-port", paramLabel = "N", description = "Port of the HTTP API (default: 8080; 0 = any free port).")
    Integer httpPort;

    @Option(names = "--describe", description = "Print the Kafka Streams topology and exit.")
    boolean describe;

    @Override
    public Integer call() throws InterruptedException {
        TipSettings settings = connection.settings();
        if (httpPort != null) {
            settings = settings.with(AppConfig.HTTP_PORT, String.valueOf(httpPort));
        }
        if (describe) {
            System.out.println(PipelineService.topology(settings, settings.topics()).describe());
            return 0;
        }
        try (ShutdownSignal shutdown = new ShutdownSignal();
             EmbeddedStack stack = embedded ? LocalStack.start(local.stack(settings.registryServer())) : null) {
            if (stack != null) {
                settings = settings.with(AppConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers())
                        .with(AppConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
                if (!settings.all().containsKey("state.dir")) {
                    settings = settings.with("state.dir", local.data.resolve("streams").toString());
                }
                System.err.println("tip run: local Kafka at " + stack.bootstrapServers() + ", schema registry at " + stack.registryUrl()
                        + LocalStack.exposure(settings.registryServer().bindAddress()));
            }
            Topics topics = settings.topics();
            try (KafkaCluster cluster = KafkaCluster.connect(settings.kafka())) {
                cluster.ensureTopics(topics.all(), settings.app().topicPartitions(), settings.app().topicReplicationFactor());
            }
            try (HttpApi http = HttpApi.start(settings, topics);
                 PipelineService pipeline = PipelineService.start(http.streamsSettings(settings), topics, http.metrics())) {
                http.attach(pipeline);
                System.err.println("tip run: HTTP API on http://localhost:" + http.port() + " (the dashboard at /, /api/theses, /health, /metrics)");
                pipeline.awaitRunning(Duration.ofMinutes(5));
                System.err.println("tip run: pipeline running; SIGTERM or Ctrl-C stops it cleanly");
                shutdown.await();
                System.err.println("tip run: stopping (committing, closing transactions)");
            }
        }
        return 0;
    }
}
