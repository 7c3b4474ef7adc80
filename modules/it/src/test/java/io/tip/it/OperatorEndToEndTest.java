package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topics;

/**
 * Issue 5, end to end with separate processes as an operator runs them: {@code tip dev}, {@code tip load},
 * {@code tip run}, {@code tip publish}, {@code tip watch}; a producer and a consumer that only know the
 * Avro contract and the registry's REST API; and two instances sharing the work.
 */
class OperatorEndToEndTest {
    private static final Duration START = Duration.ofMinutes(2);
    private static final String CONVERGENCE = HeadlineScenario.CONVERGENCE;
    private static final List<String> THESES = List.of(CONVERGENCE, HeadlineScenario.INFERENCE_ECONOMICS, HeadlineScenario.LONG_BROADCOM);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void devLoadRunPublishThenImpactsShowEverywhereAndTwoInstancesShareTheWork(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        try (TipProcess dev = TipProcess.start(logs, "dev", "dev", "--data", dir.resolve("dev").toString(),
                "--kafka-port", "0", "--registry-port", "0")) {
            // Given `tip dev`, then `tip load examples/vault`
            String bootstrap = dev.awaitOutput("Kafka bootstrap servers: (\\S+)", START).group(1);
            String registry = dev.awaitOutput("Schema registry URL: +(\\S+)", START).group(1);
            String[] connection = {"--bootstrap-servers", bootstrap, "--schema-registry-url", registry};
            Topics topics = Topics.create("", Map.of("schema.registry.url", registry));
            TipProcess load = TipProcess.runToEnd(logs, "load", START, args(connection, "load", "examples/vault"));
            assertThat(load.exitCode()).as(load.stderr()).isZero();
            assertThat(load.stdoutLines()).contains("theses: 3 added, 0 changed, 0 removed");

            // and `tip run`, with an SSE subscriber and `tip watch --json --from-beginning` following it
            List<TipProcess> started = new ArrayList<>();
            try {
                TipProcess a = TipProcess.start(logs, "run-a", args(connection, "run", "--http-port", "0",
                        "-D", "application.id=tip-operator", "-D", "state.dir=" + dir.resolve("state-a"), "-D", "num.standby.replicas=1"));
                started.add(a);
                TipHttp httpA = new TipHttp(a.awaitRunning(START));
                try (TipHttp.Sse sse = httpA.subscribe("/api/impacts/stream?thesis=" + CONVERGENCE);
                     TipProcess watch = TipProcess.start(logs, "watch", args(connection, "watch", "--json", "--from-beginning"));
                     CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(bootstrap, topics.impacts())) {
                    await("SSE subscription").atMost(Duration.ofSeconds(30)).until(sse::subscribed);

                    // When `tip publish examples/events.jsonl` runs
                    TipProcess publish = TipProcess.runToEnd(logs, "publish", START, args(connection, "publish", "examples/events.jsonl"));
                    assertThat(publish.exitCode()).as(publish.stderr()).isZero();

                    // Then the Groq impacts are on thesis-impacts,
                    await("impacts of evt-nvda-groq on thesis-impacts").atMost(Duration.ofSeconds(60)).until(() -> impacts.values().stream()
                            .filter(i -> i.getEventId().equals(HeadlineScenario.GROQ_EVENT)).map(ThesisImpact::getThesisId).toList(),
                            ids -> ids.containsAll(THESES));
                    // in `tip watch --json`,
                    await("tip watch --json to print them").atMost(Duration.ofSeconds(30)).until(() -> jsonLines(watch).stream()
                            .filter(j -> j.get("eventId").asText().equals(HeadlineScenario.GROQ_EVENT)).map(j -> j.get("thesisId").asText()).toList(),
                            ids -> ids.containsAll(THESES));
                    // on the SSE stream (filtered to the thesis asked for),
                    await("the SSE stream to carry the challenge").atMost(Duration.ofSeconds(30)).until(() -> sse.events().stream()
                            .anyMatch(j -> j.get("eventId").asText().equals(HeadlineScenario.GROQ_EVENT) && j.get("stance").asText().equals("CHALLENGES")));
                    assertThat(sse.events()).allSatisfy(j -> assertThat(j.get("thesisId").asText()).isEqualTo(CONVERGENCE));
                    // and in GET /api/theses/{id}
                    await("GET /api/theses/" + CONVERGENCE + " to show the impact").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                        TipHttp.Response r = httpA.get("/api/theses/" + CONVERGENCE);
                        assertThat(r.status()).as(r.body()).isEqualTo(200);
                        assertThat(r.json().at("/thesis/title").asText()).isEqualTo("Training-inference convergence");
                        assertThat(eventIds(r.json().at("/state/lastImpacts"))).contains(HeadlineScenario.GROQ_EVENT);
                    });
                    // and, once the pipeline has read a garbage record and the examples a second time as well,
                    // /metrics counts exactly what became of every event
                    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                            new StringSerializer(), new ByteArraySerializer())) {
                        producer.send(new ProducerRecord<>("market-events", "garbage", "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
                    }
                    TipProcess again = TipProcess.runToEnd(logs, "publish-again", START, args(connection, "publish", "examples/events.jsonl"));
                    assertThat(again.exitCode()).as(again.stderr()).isZero();
                    try (ConsumerGroupLag lag = new ConsumerGroupLag(bootstrap)) {
                        await("run-a to read every event").atMost(Duration.ofSeconds(60)).until(() -> lag.lag("tip-operator", "market-events") == 0);
                    }
                    ReferenceRun examples = ReferenceRun.of(Repo.exampleVault(), EventStream.examples());
                    long matchedEvents = examples.impactsById().values().stream().map(ThesisImpact::getEventId).distinct().count();
                    String metrics = httpA.get("/metrics").body();
                    assertThat(metrics).contains("kafka_stream_");
                    assertThat(metric(metrics, "tip_events_total{outcome=\"matched\"}")).isEqualTo(matchedEvents);
                    assertThat(metric(metrics, "tip_events_total{outcome=\"duplicate\"}")).isEqualTo(matchedEvents);
                    assertThat(metric(metrics, "tip_events_total{outcome=\"unmatched\"}")).isEqualTo(2.0 * examples.unmatched());
                    assertThat(metric(metrics, "tip_events_total{outcome=\"dead_letter\"}")).isEqualTo(1.0);
                    assertThat(metric(metrics, "tip_impacts_total")).isEqualTo(examples.impactsById().size());
                    assertThat(metric(metrics, "tip_stream_thread_replacements_total")).isZero();
                    assertThat(matchedEvents).as("the examples have matched and unmatched events").isBetween(1L, 6L);
                    assertThat(examples.unmatched()).isPositive();
                }

                // Given a producer and a consumer that know only schemas/market_event.avsc and the registry's REST API
                PlainAvroClient plain = new PlainAvroClient(registry);
                // When the producer sends a GenericRecord in Confluent wire format
                GenericEvents.publishGroqLike(bootstrap, plain, "generic-groq");
                // Then the generic consumer reads its impact off thesis-impacts
                try (CommittedTopic<byte[], byte[]> raw = CommittedTopic.raw(bootstrap, "thesis-impacts")) {
                    GenericRecord impact = await("a generic consumer to read the impact").atMost(Duration.ofSeconds(60)).until(() ->
                            raw.catchUp().stream().map(r -> plain.decode(r.value()))
                                    .filter(r -> r.get("eventId").toString().equals("generic-groq") && r.get("thesisId").toString().equals(CONVERGENCE))
                                    .findFirst(), java.util.Optional::isPresent).get();
                    assertThat(impact.get("stance").toString()).isEqualTo("CHALLENGES");
                    assertThat(impact.get("order")).isEqualTo(1);
                }

                // Given a second instance with the same application.id
                TipProcess b = TipProcess.start(logs, "run-b", args(connection, "run", "--http-port", "0",
                        "-D", "application.id=tip-operator", "-D", "state.dir=" + dir.resolve("state-b"), "-D", "num.standby.replicas=1"));
                started.add(b);
                TipHttp httpB = new TipHttp(b.awaitRunning(START));
                // Then both answer for every thesis
                for (TipHttp http : List.of(httpA, httpB)) {
                    await("every thesis from both instances").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        for (String id : THESES) {
                            TipHttp.Response r = http.get("/api/theses/" + id);
                            assertThat(r.status()).as(id + ": " + r.body()).isEqualTo(200);
                            assertThat(eventIds(r.json().at("/state/lastImpacts"))).as(id).contains(HeadlineScenario.GROQ_EVENT);
                        }
                    });
                }
                // When the first is stopped and more events are published
                assertThat(a.stop()).isIn(0, 143);
                Path more = dir.resolve("more.jsonl");
                EventStream.writeRenamed(Repo.exampleEvents(), "after-stop-", more);
                TipProcess publishMore = TipProcess.runToEnd(logs, "publish-more", START, args(connection, "publish", more.toString()));
                assertThat(publishMore.exitCode()).as(publishMore.stderr()).isZero();
                // Then the second takes over its work and nothing is lost or duplicated
                ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), EventStream.read(more));
                try (CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(bootstrap, topics.impacts())) {
                    await("every impact of the later events").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                            assertThat(impacts.countBy(ThesisImpact::getId)).containsAllEntriesOf(ones(expected.impactsById().keySet())));
                    assertThat(impacts.countBy(ThesisImpact::getId).values()).as("no impact twice").containsOnly(1);
                }
                await("the remaining instance to answer with the later impacts").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    TipHttp.Response r = httpB.get("/api/theses/" + CONVERGENCE);
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    assertThat(eventIds(r.json().at("/state/lastImpacts"))).anyMatch(id -> id.startsWith("after-stop-"));
                    assertThat(r.json().at("/state/stale").asBoolean()).isFalse();
                });
                assertThat(b.stop()).isIn(0, 143);
            } finally {
                started.forEach(TipProcess::close); // a failed run leaves no process behind
            }
        }
    }

    private static String[] args(String[] connection, String... command) {
        return HeadlineScenario.concat(command, connection);
    }

    private static List<JsonNode> jsonLines(TipProcess process) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : process.stdoutLines()) {
            if (line.startsWith("{")) {
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("tip watch --json printed a line that is not JSON: " + line, e);
                }
            }
        }
        return out;
    }

    private static List<String> eventIds(JsonNode impacts) {
        List<String> ids = new ArrayList<>();
        impacts.forEach(i -> ids.add(i.get("eventId").asText()));
        return ids;
    }

    /** The value of one Prometheus series, given by its name and labels exactly as scraped. */
    private static double metric(String metrics, String series) {
        List<Double> values = metrics.lines().filter(l -> l.startsWith(series + " "))
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim())).toList();
        assertThat(values).as("series " + series + " in /metrics").hasSize(1);
        return values.get(0);
    }

    private static Map<String, Integer> ones(java.util.Collection<String> ids) {
        Map<String, Integer> m = new HashMap<>();
        ids.forEach(id -> m.put(id, 1));
        return m;
    }
}
