package io.tip.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.tip.app.config.ConnectionOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.format.EventLines;
import io.tip.app.kafka.EventPublisher;
import io.tip.app.kafka.KafkaCluster;
import io.tip.model.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Validate JSON-lines market events and publish them to market-events. A bad line is reported "
                + "with its line number and skipped; nothing after it is lost. Exits 1 if any line was bad.",
        footer = {"", "Examples:", "  tip publish examples/events.jsonl", "  tip publish --dry-run events.jsonl",
                "  cat events.jsonl | tip publish - --bootstrap-servers kafka:9092 --schema-registry-url http://registry:8081"})
public final class PublishCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A .jsonl file, or - for standard input.")
    String file;

    @Option(names = "--dry-run", description = "Only validate every line, offline (no Kafka, no registry): "
            + "each bad line as FILE:LINE: message; exits 1 if any line is bad.")
    boolean dryRun;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws IOException {
        if (dryRun) {
            return validate();
        }
        TipSettings settings = connection.settings();
        Topics topics = settings.topics();
        try (KafkaCluster cluster = KafkaCluster.connect(settings.kafka())) {
            cluster.ensureTopics(topics.all(), settings.app().topicPartitions(), settings.app().topicReplicationFactor());
        }
        EventLines.Result result;
        try (BufferedReader reader = open(); EventPublisher publisher = new EventPublisher(settings.kafka(), topics.marketEvents())) {
            Progress progress = new Progress("published", System.err);
            result = EventLines.read(reader, name(), event -> {
                publisher.publish(event);
                progress.tick();
            }, System.err::println);
            publisher.flush();
            progress.done();
        }
        System.err.printf("published %d event(s) to %s%s%n", result.events(), topics.marketEvents().name(),
                result.errors() == 0 ? "" : "; " + result.errors() + " bad line(s) skipped (see above)");
        return result.errors() == 0 ? 0 : 1;
    }

    private int validate() throws IOException {
        EventLines.Result result;
        try (BufferedReader reader = open()) {
            result = EventLines.read(reader, name(), event -> { }, System.err::println);
        }
        System.err.printf("%d valid event(s)%s; nothing published (--dry-run)%n", result.events(),
                result.errors() == 0 ? "" : ", " + result.errors() + " bad line(s) (see above)");
        return result.errors() == 0 ? 0 : 1;
    }

    private String name() {
        return "-".equals(file) ? "stdin" : file;
    }

    private BufferedReader open() throws IOException {
        if ("-".equals(file)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new UserError("cannot read " + file + ": give a .jsonl file of events, or - for standard input");
        }
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }
}
