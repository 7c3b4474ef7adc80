package io.tip.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import io.tip.app.alert.AlertConfig;
import io.tip.app.alert.AlertMessage;
import io.tip.app.alert.AlertRelay;
import io.tip.app.config.ConnectionOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.kafka.KafkaCluster;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "alert", mixinStandardHelpOptions = true,
        description = "POST every thesis alert (or every impact of a subscription) to a webhook, with retries; what cannot be "
                + "delivered goes to thesis-alerts.dlq with the reason. Runs until SIGTERM / Ctrl-C; a restart resumes where it stopped.",
        footer = {"", "Headers: Idempotency-Key (the alert's id; a repeat after a crash has the same key) and, with --secret-file, "
                + "X-Tip-Signature: sha256=<hex HMAC-SHA256 of the body>.",
                "", "Examples:", "  tip alert --webhook https://hooks.example.com/tip --secret-file webhook.secret",
                "  tip alert --webhook https://hooks.slack.com/services/T000/B000/XXXX --format slack --source impacts.semis-desk",
                "  tip alert --webhook http://localhost:9000/hook -D alert.max.attempts=3"})
public final class AlertCommand implements Callable<Integer> {

    @Option(names = "--webhook", paramLabel = "URL", required = true, description = "Where to POST (http or https).")
    String webhook;

    @Option(names = "--source", paramLabel = "TOPIC", defaultValue = "alerts",
            description = "alerts (thesis-alerts: status changes) or impacts.NAME (a subscription's impacts) (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--format", paramLabel = "F", defaultValue = "json",
            description = "json (the record's JSON form) or slack (text + blocks, for a Slack incoming webhook) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "A file holding the shared secret that signs each body (X-Tip-Signature).")
    Path secretFile;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        URI url = url(webhook);
        AlertMessage.Format bodyFormat = format(format);
        byte[] secret = secretFile == null ? null : secret(secretFile);
        TipSettings settings = connection.settings();
        AlertConfig config = new AlertConfig(settings.all());
        Topics topics = settings.topics();
        Topic<String, ?> topic = source(topics);
        try (KafkaCluster cluster = KafkaCluster.connect(settings.kafka())) {
            cluster.ensureTopics(List.of(topics.alertDeadLetters()), settings.app().topicPartitions(), settings.app().topicReplicationFactor());
            if (!cluster.admin().listTopics().names().get().contains(topic.name())) {
                throw new UserError("no topic " + topic.name() + (topic.name().contains(Topics.SUBSCRIPTION_TOPIC_PREFIX)
                        ? " (create the subscription with `tip subscribe create NAME ...`)" : " (start the pipeline with `tip run`)"));
            }
        } catch (ExecutionException e) {
            throw new UserError("cannot list topics: " + e.getCause().getMessage());
        }
        String group = config.groupId().isEmpty() ? "tip-alert." + topic.name() + "." + shortHash(webhook) : config.groupId();
        try (ShutdownSignal shutdown = new ShutdownSignal();
             AlertRelay relay = new AlertRelay(settings.kafka(), config, group, topic, topics.alertDeadLetters().name(), url,
                     bodyFormat, secret, shutdown::requested)) {
            System.err.println("tip alert: " + topic.name() + " -> " + url.getScheme() + "://" + url.getHost()
                    + (url.getPort() < 0 ? "" : ":" + url.getPort()) + " (" + format + ", group " + group + "); Ctrl-C stops");
            AlertRelay.Counts last = relay.counts();
            while (!shutdown.requested()) {
                if (!relay.pollOnce(Duration.ofMillis(500))) {
                    break;
                }
                AlertRelay.Counts now = relay.counts();
                if (!now.equals(last)) {
                    System.err.println("tip alert: " + now.delivered() + " delivered, " + now.deadLettered() + " dead-lettered");
                    last = now;
                }
            }
            System.err.println("tip alert: stopping; undelivered alerts are sent on the next start");
        }
        return 0;
    }

    private Topic<String, ?> source(Topics topics) {
        if (source.equals("alerts") || source.equals(topics.alerts().name())) {
            return topics.alerts();
        }
        if (source.startsWith(Topics.SUBSCRIPTION_TOPIC_PREFIX) && source.length() > Topics.SUBSCRIPTION_TOPIC_PREFIX.length()) {
            return topics.subscriptionImpacts(SubscribeCommand.checkedName(source.substring(Topics.SUBSCRIPTION_TOPIC_PREFIX.length())));
        }
        throw new UserError("--source " + source + " is neither alerts nor impacts.NAME (a subscription; `tip subscribe list` shows them)");
    }

    private static URI url(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UserError("--webhook " + text + " is not an http:// or https:// URL (" + e.getReason() + ")");
        }
    }

    private static AlertMessage.Format format(String text) {
        try {
            return AlertMessage.Format.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--format " + text + " is not json or slack");
        }
    }

    private static byte[] secret(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new UserError("the secret file " + file + " is empty: put the shared secret in it");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read the secret file " + file + ": " + e.getMessage());
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
