package io.tip.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tip.app.config.ConnectionOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.format.EventJson;
import io.tip.app.kafka.ClientSettings;
import io.tip.app.kafka.KafkaCluster;
import io.tip.app.kafka.TopicFeed;
import io.tip.app.trial.ImpactDiff;
import io.tip.app.trial.ThesisChoice;
import io.tip.app.trial.TimelinePicture;
import io.tip.app.trial.TrialSummary;
import io.tip.engine.EventHistory;
import io.tip.engine.OfflineEvaluator;
import io.tip.engine.OfflineEvaluator.Evaluation;
import io.tip.engine.OfflineEvaluator.Step;
import io.tip.model.ThesisImpact;
import io.tip.model.json.AvroJson;
import io.tip.model.topics.Topics;
import io.tip.notes.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Evaluate a local vault (typically a changed or new thesis) against the market-events history on the cluster, "
                + "read-only: the timeline of impacts, the score and status over time, and what differs from the live pipeline's "
                + "thesis-impacts (new, gone, changed stance).",
        footer = {"", "History is read from --since (default: the beginning) to --until (default: the end when the run starts), by "
                + "record time; re-sent events are deduplicated as the pipeline does. Nothing is written unless --publish names a topic.",
                "", "Exit codes: 0 fine, 1 a bad argument or the cluster cannot be read, 2 the vault has errors.",
                "", "Examples:", "  tip backtest --vault ~/vault --thesis training-inference-convergence",
                "  tip backtest --vault ~/vault --thesis long-broadcom --since 2025-01-01 --picture broadcom.svg",
                "  tip backtest --vault ~/vault --json > backtest.json"})
public final class BacktestCommand implements Callable<Integer> {
    /** Header on every impact --publish writes: the time the backtest ran. Such an impact is a what-if, never a live one. */
    public static final String BACKTEST_HEADER = "tip.backtest";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--vault", paramLabel = "DIR", required = true, description = "The local vault to evaluate.")
    Path vault;

    @Option(names = "--thesis", paramLabel = "ID|TITLE", description = "Report on this thesis only (every thesis is still evaluated: impacts propagate).")
    String thesis;

    @Option(names = "--since", paramLabel = "DATE", description = "First record time read: YYYY-MM-DD or an ISO-8601 instant (default: the beginning).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Record time at which reading stops, exclusive (default: the end offsets when the run starts).")
    String until;

    @Option(names = "--picture", paramLabel = "FILE", description = "Draw the timeline into FILE (.svg or .png).")
    Path picture;

    @Option(names = "--json", description = "Print the timeline, states, diff and counts as one JSON document.")
    boolean json;

    @Option(names = "--publish", paramLabel = "TOPIC", description = "Also write the backtest's impacts to TOPIC (never one of tip's own topics), "
            + "each with a '" + BACKTEST_HEADER + "' header.")
    String publish;

    @Override
    public Integer call() throws IOException {
        Instant from = since == null ? null : date("--since", since);
        Instant to = until == null ? null : date("--until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new UserError("--since " + since + " is not before --until " + until + ": nothing to read");
        }
        if (picture != null) {
            String name = picture.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".svg") && !name.endsWith(".png")) {
                throw new UserError("--picture " + picture + ": name the file .svg or .png");
            }
        }
        Vault read = VaultReading.readClean(vault, "fix them (`tip lint " + vault + "`) and run the backtest again");
        ThesisChoice choice = ThesisChoice.of(read, thesis);
        TipSettings settings = connection.settings();
        Topics topics = settings.topics();
        if (publish != null && topics.all().stream().anyMatch(t -> t.name().equals(publish))) {
            throw new UserError("--publish " + publish + " is one of tip's own topics; a backtest writes only to a topic of its own, "
                    + "e.g. --publish " + publish + ".backtest");
        }
        try (KafkaCluster cluster = KafkaCluster.connect(settings.kafka())) {
            if (publish != null) {
                createIfMissing(cluster, publish, settings);
            }
        }

        OfflineEvaluator evaluator = new OfflineEvaluator(settings.engine(), read.theses(), read.implications(), read.entities());
        TrialSummary summary = new TrialSummary(choice);
        List<ThesisImpact> impacts = new ArrayList<>();
        long[] newest = {Long.MIN_VALUE};
        long undeserializable;
        long started = System.nanoTime();
        long records;
        try (EventHistory history = new EventHistory(ClientSettings.consumer(settings.kafka()), topics.marketEvents(), from, to);
             Publisher publisher = publish == null ? null : new Publisher(settings, topics, publish)) {
            Progress progress = new Progress("backtest: read", System.err, history.total());
            long[] count = {0};
            history.read((key, event, timestamp) -> {
                progress.tick();
                count[0]++;
                newest[0] = Math.max(newest[0], timestamp);
                Evaluation evaluation = evaluator.evaluate(key, event, timestamp);
                for (ThesisImpact impact : summary.add(evaluation)) {
                    impacts.add(impact);
                    if (publisher != null) {
                        publisher.send(impact, timestamp);
                    }
                }
            });
            progress.done();
            undeserializable = history.undeserializable();
            records = count[0];
        } catch (EventHistory.UnreadableException e) {
            throw new UserError(e.getMessage());
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // The live impacts of the same window: an impact carries its event's record time (the pipeline forwards it).
        long fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long toMs = to == null ? newest[0] : to.toEpochMilli() - 1;
        List<ThesisImpact> live = liveImpacts(settings, topics, choice, fromMs, toMs);
        ImpactDiff diff = ImpactDiff.of(impacts, live);

        Map<String, List<ThesisImpact>> byThesis = new TreeMap<>();
        impacts.forEach(i -> byThesis.computeIfAbsent(i.getThesisId(), k -> new ArrayList<>()).add(i));
        Map<String, List<Step>> timelines = new LinkedHashMap<>();
        byThesis.forEach((id, list) -> timelines.put(id, evaluator.overEventTime(list)));

        if (json) {
            System.out.println(json(timelines, summary, evaluator, diff, records, undeserializable));
        } else {
            text(choice, timelines, summary, evaluator, diff, live.size());
        }
        System.err.printf(Locale.ROOT, "backtest: %,d records of %s in %.1f s (%,.0f/s)%s%n", records, topics.marketEvents().name(), seconds,
                records / Math.max(seconds, 1e-9),
                undeserializable == 0 ? "" : String.format(Locale.ROOT, "; %,d records did not deserialize and were skipped "
                        + "(the pipeline dead-letters them)", undeserializable));
        if (picture != null) {
            Map<String, List<Step>> byTitle = new LinkedHashMap<>();
            timelines.forEach((id, steps) -> byTitle.put(steps.get(0).impact().getThesisTitle(), steps));
            TimelinePicture.write(picture, choice.one() ? choice.thesis().getTitle() + " — backtest" : "backtest of " + vault, byTitle);
            System.err.println("backtest: timeline drawn in " + picture);
        }
        if (publish != null) {
            System.err.printf(Locale.ROOT, "backtest: %,d impacts written to %s%n", impacts.size(), publish);
        }
        return 0;
    }

    private static Instant date(String option, String text) {
        try {
            return EventJson.instant(option, text);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static List<ThesisImpact> liveImpacts(TipSettings settings, Topics topics, ThesisChoice choice, long fromMs, long toMs) {
        List<ThesisImpact> live = new ArrayList<>();
        try (TopicFeed<ThesisImpact> feed = new TopicFeed<>(settings.kafka(), topics.impacts(), true)) {
            while (!feed.caughtUp()) {
                feed.records(Duration.ofMillis(500), record -> {
                    ThesisImpact impact = record.value();
                    if (impact != null && choice.test(impact.getThesisId()) && record.timestamp() >= fromMs && record.timestamp() <= toMs) {
                        live.add(impact);
                    }
                });
            }
        }
        return live;
    }

    private static void text(ThesisChoice choice, Map<String, List<Step>> timelines, TrialSummary summary, OfflineEvaluator evaluator, ImpactDiff diff, int liveCount) {
        if (timelines.isEmpty()) {
            System.out.println(choice.one() ? "no impact on " + choice.thesis().getId() + " in this history" : "no impact in this history");
        }
        timelines.forEach((id, steps) -> {
            System.out.println(steps.get(0).impact().getThesisTitle() + " (" + id + ") over event time:");
            for (Step step : steps) {
                ThesisImpact i = step.impact();
                System.out.printf(Locale.ROOT, "  %s  %-10s %.2f  order %d  %s  → score %+.2f %s%s%n",
                        i.getEventTime().toString().substring(0, 10), i.getStance(), i.getMagnitude(), i.getOrder(), i.getEventHeadline(),
                        step.stateAfter().getScore(), step.stateAfter().getStatus(), step.alerts() ? " (was " + step.statusBefore() + ")" : "");
            }
        });
        summary.lines(evaluator.states()).forEach(System.out::println);
        System.out.printf(Locale.ROOT, "against the live pipeline (%d impacts in thesis-impacts for this window): %s%n", liveCount,
                diff.empty() ? "no difference" : diff.added().size() + " new, " + diff.gone().size() + " gone, "
                        + diff.changed().size() + " changed stance");
        diff.added().forEach(i -> System.out.println("  new      " + line(i) + " " + i.getStance()));
        diff.gone().forEach(i -> System.out.println("  gone     " + line(i) + " was " + i.getStance()));
        diff.changed().forEach(c -> System.out.println("  changed  " + line(c.backtest()) + " " + c.live().getStance() + " → " + c.backtest().getStance()));
    }

    private static String line(ThesisImpact i) {
        return i.getEventTime().toString().substring(0, 10) + "  " + i.getThesisId() + "  " + i.getEventId() + " (" + i.getEventHeadline() + "):";
    }

    private static String json(Map<String, List<Step>> timelines, TrialSummary summary, OfflineEvaluator evaluator, ImpactDiff diff,
                               long records, long undeserializable) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("records", records).put("undeserializable", undeserializable);
        ObjectNode byThesis = root.putObject("timelines");
        timelines.forEach((id, steps) -> {
            ArrayNode list = byThesis.putArray(id);
            for (Step step : steps) {
                ObjectNode node = list.addObject();
                node.set("impact", AvroJson.toJson(step.impact()));
                node.put("score", step.stateAfter().getScore()).put("status", step.stateAfter().getStatus().name());
            }
        });
        root.set("summary", summary.json(evaluator.states()));
        ObjectNode d = root.putObject("diff");
        ArrayNode added = d.putArray("new");
        diff.added().forEach(i -> added.add(AvroJson.toJson(i)));
        ArrayNode gone = d.putArray("gone");
        diff.gone().forEach(i -> gone.add(AvroJson.toJson(i)));
        ArrayNode changed = d.putArray("changed");
        diff.changed().forEach(c -> changed.addObject().put("eventId", c.backtest().getEventId()).put("thesisId", c.backtest().getThesisId())
                .put("liveStance", c.live().getStance().name()).put("backtestStance", c.backtest().getStance().name()));
        return root.toString();
    }

    private static void createIfMissing(KafkaCluster cluster, String topic, TipSettings settings) {
        try {
            cluster.admin().createTopics(List.of(new NewTopic(topic, Optional.of(settings.app().topicPartitions()),
                    Optional.of(settings.app().topicReplicationFactor())))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new UserError("cannot create topic " + topic + " for --publish: " + e.getCause().getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while creating topic " + topic);
        }
    }

    /** Writes backtest impacts to the analyst's topic, keyed by thesis id like thesis-impacts, each marked as a backtest. */
    private static final class Publisher implements AutoCloseable {
        private final KafkaProducer<String, ThesisImpact> producer;
        private final String topic;
        private final byte[] mark = Instant.now().toString().getBytes(StandardCharsets.UTF_8);
        private final java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();

        Publisher(TipSettings settings, Topics topics, String topic) {
            Map<String, Object> producerSettings = new HashMap<>(ClientSettings.producer(settings.kafka()));
            this.producer = new KafkaProducer<>(producerSettings, new StringSerializer(), topics.impacts().valueSerde().serializer());
            this.topic = topic;
        }

        void send(ThesisImpact impact, long timestamp) {
            ProducerRecord<String, ThesisImpact> record = new ProducerRecord<>(topic, null, timestamp, impact.getThesisId(), impact);
            record.headers().add(BACKTEST_HEADER, mark);
            producer.send(record, (meta, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(30));
            if (failure.get() != null) {
                throw new UserError("writing the backtest's impacts to " + topic + " failed: " + failure.get().getMessage());
            }
        }
    }
}
