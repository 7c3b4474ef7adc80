package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.tip.app.Tip;
import io.tip.model.ImpactSummary;
import io.tip.model.Thesis;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.notes.Vault;

/**
 * The HTTP API of a running pipeline, answer by answer, against the expected outcome of the example
 * events (a clean reference run): the list, one thesis, its impacts, 404s, health, and the SSE
 * filters (thesis, tag, minMagnitude), each subscriber receiving exactly the impacts it asked for.
 */
class HttpApiTest {
    private static final String CONVERGENCE = HeadlineScenario.CONVERGENCE;
    private static final String APP = "tip-http-api";

    @TempDir
    static Path dir;
    private static TestStack stack;
    private static Pipeline pipeline;
    private static TipHttp http;
    private static ReferenceRun expected;
    private static Map<String, Thesis> theses;
    private static final Map<String, TipHttp.Sse> streams = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void runTheExamples() throws IOException {
        stack = TestStack.start(dir);
        assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection()))).isZero();
        pipeline = Pipeline.start(stack, APP, dir.resolve("state"), Map.of());
        http = pipeline.http();
        theses = Vault.read(Repo.exampleVault()).theses().stream().collect(Collectors.toMap(Thesis::getId, t -> t));
        expected = ReferenceRun.of(Repo.exampleVault(), EventStream.examples());

        for (String query : List.of("", "thesis=" + CONVERGENCE, "tag=pricing", "tag=%23chips", "minMagnitude=0.6",
                "thesis=" + CONVERGENCE + "&minMagnitude=0.75")) {
            TipHttp.Sse sse = http.subscribe("/api/impacts/stream" + (query.isEmpty() ? "" : "?" + query));
            streams.put(query, sse);
            await("SSE subscription " + query).atMost(Duration.ofSeconds(30)).until(sse::subscribed);
        }
        assertThat(Tip.run(HeadlineScenario.concat(new String[] {"publish", Repo.exampleEvents().toString()}, stack.connection()))).isZero();
        try (ConsumerGroupLag lag = new ConsumerGroupLag(stack.bootstrapServers())) {
            await("the pipeline to process every event").atMost(Duration.ofSeconds(90))
                    .until(() -> lag.lag(APP, "market-events") == 0 && lag.lag(APP, "thesis-impacts") == 0);
        }
    }

    @AfterAll
    static void stop() {
        streams.values().forEach(TipHttp.Sse::close);
        if (pipeline != null) {
            pipeline.close();
        }
        stack.close();
    }

    @Test
    void theListHasEveryThesisWithItsStatusScoreAndImpactCount() {
        TipHttp.Response r = http.get("/api/theses");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        r.json().forEach(t -> rows.add(t.get("id").asText() + " | " + t.get("title").asText() + " | " + t.get("status").asText()
                + " | " + t.get("score").asDouble() + " | " + t.get("impacts").asInt()));
        List<String> want = new ArrayList<>();
        new TreeSet<>(theses.keySet()).forEach(id -> {
            ThesisState s = expected.states().get(id);
            want.add(id + " | " + theses.get(id).getTitle() + " | " + (s == null ? "STEADY" : s.getStatus().name()) + " | "
                    + (s == null ? 0.0 : s.getScore()) + " | " + (s == null ? 0 : s.getSupports() + s.getChallenges() + s.getReviews()));
        });
        assertThat(rows).containsExactlyElementsOf(want);
    }

    @Test
    void oneThesisHasItsNoteAndItsStateAsTheReferenceRunLeftIt() {
        for (String id : theses.keySet()) {
            TipHttp.Response r = http.get("/api/theses/" + id);

            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode json = r.json();
            assertThat(json.at("/thesis/id").asText()).isEqualTo(id);
            assertThat(json.at("/thesis/title").asText()).isEqualTo(theses.get(id).getTitle());
            assertThat(json.at("/thesis/signals").size()).isEqualTo(theses.get(id).getSignals().size());
            ThesisState want = expected.states().get(id);
            assertThat(json.at("/state/status").asText()).as(id).isEqualTo(want.getStatus().name());
            assertThat(json.at("/state/score").asDouble()).as(id).isEqualTo(want.getScore());
            assertThat(json.at("/state/supports").asInt()).as(id).isEqualTo(want.getSupports());
            assertThat(json.at("/state/challenges").asInt()).as(id).isEqualTo(want.getChallenges());
            assertThat(json.at("/state/reviews").asInt()).as(id).isEqualTo(want.getReviews());
            assertThat(json.at("/state/stale").asBoolean()).isFalse();
            assertThat(eventIds(json.at("/state/lastImpacts"))).as(id)
                    .containsExactlyElementsOf(want.getLastImpacts().stream().map(ImpactSummary::getEventId).toList());
        }
    }

    @Test
    void theImpactsOfAThesisAreItsLatestImpacts() {
        TipHttp.Response r = http.get("/api/theses/" + CONVERGENCE + "/impacts");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(eventIds(r.json())).containsExactlyElementsOf(
                expected.states().get(CONVERGENCE).getLastImpacts().stream().map(ImpactSummary::getEventId).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/theses/no-such-thesis", "/api/theses/no-such-thesis/impacts"})
    void anUnknownThesisIs404SayingWhereTheListIs(String path) {
        TipHttp.Response r = http.get(path);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("no thesis 'no-such-thesis' (GET /api/theses lists them)");
    }

    @Test
    void healthIsReadyAndRunning() {
        TipHttp.Response r = http.get("/health");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("live", true).put("ready", true).put("state", "RUNNING"));
        assertThat(http.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void anUnfilteredSubscriberGetsEveryImpactOnce() {
        assertReceivesExactly("", i -> true);
    }

    @Test
    void aThesisSubscriberGetsOnlyThatThesis() {
        assertReceivesExactly("thesis=" + CONVERGENCE, i -> i.getThesisId().equals(CONVERGENCE));
    }

    @Test
    void aTagSubscriberGetsOnlyThesesWithThatTagWithOrWithoutTheHash() {
        assertReceivesExactly("tag=pricing", i -> theses.get(i.getThesisId()).getTags().contains("pricing"));
        assertReceivesExactly("tag=%23chips", i -> theses.get(i.getThesisId()).getTags().contains("chips"));
    }

    @Test
    void aMinMagnitudeSubscriberGetsOnlyImpactsAtLeastThatStrong() {
        assertReceivesExactly("minMagnitude=0.6", i -> i.getMagnitude() >= 0.6);
        assertReceivesExactly("thesis=" + CONVERGENCE + "&minMagnitude=0.75", i -> i.getThesisId().equals(CONVERGENCE) && i.getMagnitude() >= 0.75);
    }

    private static void assertReceivesExactly(String query, Predicate<ThesisImpact> wanted) {
        Set<String> want = expected.impactsById().values().stream().filter(wanted).map(ThesisImpact::getId).collect(Collectors.toCollection(TreeSet::new));
        assertThat(want).as("the example events give this filter something to pass (" + query + ")").isNotEmpty();
        if (!query.isEmpty()) {
            assertThat(want).as("and something to drop (" + query + ")").hasSizeLessThan(expected.impactsById().size());
        }
        TipHttp.Sse sse = streams.get(query);
        await("SSE " + query + " to carry " + want).atMost(Duration.ofSeconds(30))
                .until(() -> sse.events().stream().map(j -> j.get("id").asText()).collect(Collectors.toCollection(TreeSet::new)), want::equals);
        assertThat(sse.events()).as("no impact twice on " + query).hasSize(want.size());
    }

    private static List<String> eventIds(JsonNode impacts) {
        List<String> ids = new ArrayList<>();
        impacts.forEach(i -> ids.add(i.get("eventId").asText()));
        return ids;
    }

}
