package io.tip.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tip.app.config.TipSettings;

/**
 * The HTTP API before the pipeline is attached (the moments after {@code tip run} starts): alive,
 * not ready, and every question about theses answered with 503 and when to ask again. And the SSE
 * filters a subscriber can get wrong, answered with 400 before any stream opens.
 */
class HttpApiStartingTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpApi api;

    @BeforeEach
    void start() {
        // Nothing listens on the Kafka and registry addresses: a starting API must not need them to answer.
        TipSettings settings = TipSettings.load(null, Map.of(), Map.of("http.port", "0",
                "bootstrap.servers", "localhost:1", "schema.registry.url", "http://localhost:1"));
        api = HttpApi.start(settings, settings.topics());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void healthSaysLiveButNotReadyWhileStarting() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health)).isEqualTo(JSON.readTree("{\"live\":true,\"ready\":false,\"state\":\"STARTING\"}"));

        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(json(get("/health/live")).get("live").asBoolean()).isTrue();
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(json(ready).get("ready").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/theses", "/api/theses/training-inference-convergence", "/api/theses/training-inference-convergence/impacts"})
    void questionsAboutThesesAre503WithWhenToAskAgain(String path) throws Exception {
        HttpResponse<String> r = get(path);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).get("error").asText()).isEqualTo("the pipeline is starting; try again in a moment");
    }

    @Test
    void metricsAreServedWhileStarting() throws Exception {
        HttpResponse<String> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("tip_events_total{outcome=\"matched\"} 0.0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "minMagnitude=abc | minMagnitude must be a number from 0 to 1, not 'abc'",
            "minMagnitude=1.5 | minMagnitude must be a number from 0 to 1, not '1.5'",
            "minMagnitude=-0.1 | minMagnitude must be a number from 0 to 1, not '-0.1'",
            "minMagnitude=NaN | minMagnitude must be a number from 0 to 1, not 'NaN'",
            "minMagnitude= | minMagnitude must be a number from 0 to 1, not ''",
            "thesis= | thesis is empty: leave it out, or give a thesis",
            "tag= | tag is empty: leave it out, or give a tag"})
    void aStreamFilterThatCannotBeReadIs400WithWhatToSend(String query, String error) throws Exception {
        // (the body is read only for a 400: an accepted subscription is a stream that never ends)
        HttpResponse<java.io.InputStream> r = CLIENT.send(HttpRequest.newBuilder(uri("/api/impacts/stream?" + query))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = r.body()) {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(body).get("error").asText()).isEqualTo(error);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + api.port() + path);
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
