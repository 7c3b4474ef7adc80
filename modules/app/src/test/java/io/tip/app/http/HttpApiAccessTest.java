package io.tip.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tip.app.config.TipSettings;

/** Optional authentication and CORS of the HTTP API, on a real server (no pipeline attached). */
class HttpApiAccessTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpApi start(Map<String, String> extra) {
        Map<String, String> flags = new HashMap<>(extra);
        flags.put("http.port", "0");
        flags.put("schema.registry.url", "http://localhost:1");
        TipSettings settings = TipSettings.load(null, Map.of(), flags);
        return HttpApi.start(settings, settings.topics());
    }

    @Test
    void withoutAuthSettingsEverythingIsOpenAndThereAreNoCorsHeaders() {
        try (HttpApi api = start(Map.of())) {
            HttpResponse<String> health = get(api, "/health", Map.of("Origin", "https://evil.example"));
            assertThat(health.statusCode()).isEqualTo(503); // no pipeline attached: not ready, but answered
            assertThat(health.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void aBearerTokenOrBasicCredentialsAreRequiredWhenSetButProbesStayOpen() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
        try (HttpApi api = start(Map.of("http.auth.token", "t0ken", "http.auth.basic.user.info", "ops:s3cret"))) {
            assertThat(get(api, "/metrics", Map.of()).statusCode()).isEqualTo(401);
            assertThat(get(api, "/api/theses", Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
            assertThat(get(api, "/metrics", Map.of("Authorization", "Bearer t0ken")).statusCode()).isEqualTo(200);
            assertThat(get(api, "/metrics", Map.of("Authorization", basic)).statusCode()).isEqualTo(200);
            assertThat(get(api, "/health/live", Map.of()).statusCode()).isEqualTo(200);
            assertThat(get(api, "/health/ready", Map.of()).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void corsHeadersOnlyForConfiguredOrigins() {
        try (HttpApi api = start(Map.of("http.cors.allowed.origins", "https://dash.example"))) {
            assertThat(get(api, "/health/live", Map.of("Origin", "https://dash.example")).headers()
                    .firstValue("Access-Control-Allow-Origin")).hasValue("https://dash.example");
            assertThat(get(api, "/health/live", Map.of("Origin", "https://evil.example")).headers()
                    .firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    private static HttpResponse<String> get(HttpApi api, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
