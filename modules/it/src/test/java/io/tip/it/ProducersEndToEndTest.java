package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tip.app.Tip;
import io.tip.app.config.TipSettings;
import io.tip.app.http.HttpApi;
import io.tip.examples.producer.PublishGroqDeal;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;

/**
 * The four ways in for upstream producers, each publishing the NVIDIA–Groq deal (under its own event
 * id) against a running pipeline, and the CHALLENGES impact on convergence checked for each: HTTP
 * ingest (and its error answers), the Java example on tip-contracts alone, Confluent's Python client,
 * kafkajs with the npm registry client, and curl. A runtime that is missing skips its case with the
 * reason, except under CI=true, where every runtime is installed by .ci/run and a missing one fails.
 */
class ProducersEndToEndTest {
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    private static final String GROQ_LINE = "{\"id\":\"%s\",\"type\":\"ACQUISITION\",\"actor\":\"NVIDIA\",\"target\":\"Groq\","
            + "\"amountUsd\":20000000000,\"occurredAt\":\"2025-12-24\",\"headline\":\"NVIDIA to acquire Groq for $20B\",\"tags\":[\"inference\"]}";

    @TempDir
    static Path dir;
    private static TestStack stack;
    private static Pipeline pipeline;
    private static CommittedTopic<String, ThesisImpact> impacts;

    @BeforeAll
    static void pipelineWithTheExampleVault() {
        stack = TestStack.start(dir);
        assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection()))).isZero();
        pipeline = Pipeline.start(stack, "tip-producers", dir.resolve("streams"), Map.of());
        impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts());
    }

    @AfterAll
    static void stop() {
        if (impacts != null) {
            impacts.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void httpIngestOfOneEventAnswers202AndTheImpactComesOut() {
        // When one event is POSTed as JSON
        TipHttp.Response response = pipeline.http().post("/api/events", "application/json", GROQ_LINE.formatted("evt-groq-http"));

        // Then Kafka acknowledged it before the answer, and it challenges convergence
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode json = response.json();
        assertThat(json.get("accepted").asInt()).isEqualTo(1);
        assertThat(json.get("results").get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(json.get("results").get(0).get("id").asText()).isEqualTo("evt-groq-http");
        awaitChallenge("evt-groq-http");
    }

    @Test
    void httpIngestReportsEachBadEventAtItsLineAndPublishesTheGoodOnes() {
        // Given NDJSON with a good event, a comment, an event without a type and a line that is not JSON
        String body = GROQ_LINE.formatted("evt-groq-ndjson") + "\n# a comment\n"
                + "{\"id\":\"evt-no-type\",\"actor\":\"NVIDIA\",\"occurredAt\":\"2025-12-24\",\"headline\":\"h\"}\n{not json\n";

        // When it is POSTed
        TipHttp.Response response = pipeline.http().post("/api/events", "application/x-ndjson", body);

        // Then the good one is accepted and each bad one is reported at its line, with the reason
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode json = response.json();
        assertThat(json.get("accepted").asInt()).isEqualTo(1);
        assertThat(json.get("rejected").asInt()).isEqualTo(2);
        List<String> rejected = new ArrayList<>();
        json.get("results").forEach(r -> {
            if (r.get("status").asText().equals("rejected")) {
                rejected.add(r.get("line").asInt() + ": " + r.get("error").asText());
            }
        });
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0)).startsWith("3: ").contains("type");
        assertThat(rejected.get(1)).startsWith("4: ").contains("not valid JSON");
        awaitChallenge("evt-groq-ndjson");
    }

    @Test
    void httpIngestOfAnArrayGivesEachEventItsIndex() {
        String body = "[" + GROQ_LINE.formatted("evt-groq-array") + ",{\"id\":\"x\"}]";

        TipHttp.Response response = pipeline.http().post("/api/events", "application/json", body);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode results = response.json().get("results");
        assertThat(results.get(0).get("index").asInt()).isZero();
        assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(results.get(1).get("index").asInt()).isEqualTo(1);
        assertThat(results.get(1).get("id").asText()).isEqualTo("x");
        assertThat(results.get(1).get("status").asText()).isEqualTo("rejected");
        awaitChallenge("evt-groq-array");
    }

    @Test
    void httpIngestRefusesWhatItCannotTake() {
        TipHttp http = pipeline.http();
        // nothing valid: 400 with the reason
        TipHttp.Response invalid = http.post("/api/events", "application/json", "{\"id\":\"only-an-id\"}");
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.json().get("results").get(0).get("error").asText()).contains("type");
        // not JSON at all: 400 that says so
        TipHttp.Response garbage = http.post("/api/events", "application/json", "{{{");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("error").asText()).contains("not valid JSON");
        // an empty body: 400
        assertThat(http.post("/api/events", "application/json", "").status()).isEqualTo(400);
        // a form post (what a cross-site page can send): 415, naming the accepted types
        TipHttp.Response form = http.post("/api/events", "application/x-www-form-urlencoded", "id=1");
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().get("error").asText()).contains("application/json", "application/x-ndjson");
        // no content type: 415
        assertThat(http.post("/api/events", null, GROQ_LINE.formatted("evt-no-content-type")).status()).isEqualTo(415);
        // over http.ingest.max.bytes (4 MiB by default): 413
        TipHttp.Response big = http.post("/api/events", "application/x-ndjson",
                (GROQ_LINE.formatted("evt-big") + "\n").repeat(5 * 1024 * 1024 / GROQ_LINE.length() + 1));
        assertThat(big.status()).isEqualTo(413);
    }

    @Test
    void httpIngestAnswers503AndWritesNothingWhileKafkaIsUnreachable() {
        // Given an API whose Kafka is not there (the registry is)
        TipSettings settings = TipSettings.load(null, Map.of(), Map.of("bootstrap.servers", "localhost:1",
                "schema.registry.url", stack.registryUrl(), "http.port", "0", "http.ingest.timeout.ms", "1500"));
        try (HttpApi api = HttpApi.start(settings, settings.topics())) {
            // When an event is POSTed
            TipHttp.Response response = new TipHttp(api.port()).post("/api/events", "application/json",
                    GROQ_LINE.formatted("evt-groq-unreachable"));

            // Then 503 with Retry-After, the event marked failed (not accepted), and a reason to retry
            assertThat(response.status()).as(response.body()).isEqualTo(503);
            assertThat(response.retryAfter()).isNotBlank();
            JsonNode json = response.json();
            assertThat(json.get("accepted").asInt()).isZero();
            assertThat(json.get("results").get(0).get("status").asText()).isEqualTo("failed");
            assertThat(json.get("error").asText()).contains("send them again");
        }
    }

    @Test
    void javaProducerOnTipContractsAlone() throws Exception {
        PublishGroqDeal.publish(stack.bootstrapServers(), stack.registryUrl(), "evt-groq-java");
        awaitChallenge("evt-groq-java");
    }

    @Test
    void pythonProducerWithConfluentKafka() throws Exception {
        // Debian's python3 has python3-confluent-kafka and python3-avro (.ci/run installs them)
        String python = List.of("/usr/bin/python3", "python3").stream()
                .filter(p -> run(dir, 60, p, "-c", "import confluent_kafka, avro").ok())
                .findFirst().orElse(null);
        requireRuntime(python != null, "a python3 with confluent_kafka and avro (apt-get install python3-confluent-kafka python3-avro)");

        Result result = run(dir, 120, python, Repo.root().resolve("examples/producers/python/publish_groq.py").toString(),
                "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.registryUrl(), "--id", "evt-groq-python");

        assertThat(result.ok()).as(result.output()).isTrue();
        awaitChallenge("evt-groq-python");
    }

    @Test
    void nodeProducerWithKafkajs() throws Exception {
        requireRuntime(run(dir, 60, "node", "--version").ok() && run(dir, 60, "npm", "--version").ok(), "node and npm");
        Path example = Repo.root().resolve("examples/producers/node");
        Path work = Files.createDirectories(dir.resolve("node-producer"));
        for (String file : List.of("package.json", "package-lock.json", "publish-groq.js")) {
            Files.copy(example.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Result install = run(work, 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        assertThat(install.ok()).as("npm ci: " + install.output()).isTrue();

        Result result = run(work, 120, "node", "publish-groq.js", "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.registryUrl(), "--id", "evt-groq-node",
                "--schema", Repo.marketEventSchema().toString());

        assertThat(result.ok()).as(result.output()).isTrue();
        awaitChallenge("evt-groq-node");
    }

    @Test
    void curlThroughHttpIngest() {
        requireRuntime(run(dir, 60, "curl", "--version").ok(), "curl");

        Result result = run(dir, 120, "bash", Repo.root().resolve("examples/producers/curl/publish-groq.sh").toString(),
                "http://localhost:" + pipeline.httpPort(), "evt-groq-curl");

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("\"accepted\":1");
        awaitChallenge("evt-groq-curl");
    }

    private static void awaitChallenge(String eventId) {
        ThesisImpact impact = await("the impact of " + eventId).atMost(Duration.ofSeconds(90))
                .until(() -> impacts.values().stream().filter(i -> i.getEventId().equals(eventId)
                        && i.getThesisId().equals(HeadlineScenario.CONVERGENCE)).findFirst().orElse(null), i -> i != null);
        assertThat(impact.getStance()).isEqualTo(Stance.CHALLENGES);
        assertThat(impact.getOrder()).isEqualTo(1);
    }

    private static void requireRuntime(boolean present, String what) {
        if (CI) {
            assertThat(present).as(what + " must be installed under CI=true (.ci/run installs it)").isTrue();
        }
        assumeTrue(present, what + " is not installed: skipping this producer example");
    }

    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private static Result run(Path workDir, int timeoutSeconds, String... command) {
        try {
            Path log = Files.createTempFile(dir, "run", ".log");
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + ": timed out after " + timeoutSeconds + " s\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
