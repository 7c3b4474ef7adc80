package io.tip.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.tip.app.alert.ScriptedWebhook.Answer;

/** Delivery rules of `tip alert` against a local receiver that fails, hangs, throttles, then recovers. */
class WebhookDeliveryTest {
    private static final byte[] BODY = "{\"id\":\"alert-1\"}".getBytes(StandardCharsets.UTF_8);

    private static WebhookDelivery delivery(ScriptedWebhook hook, int maxAttempts, byte[] secret) {
        return new WebhookDelivery(new WebhookSender(hook.url(), Duration.ofSeconds(2), secret),
                new Backoff(Duration.ofMillis(10), Duration.ofSeconds(5), () -> 0.5), maxAttempts, () -> false);
    }

    @Test
    void retriesThroughA500ATimeoutAnd429ThenDeliversWithOneIdempotencyKey() throws Exception {
        // Given a receiver that answers 500, then hangs past the timeout, then 429 with Retry-After: 1, then 200
        try (ScriptedWebhook hook = new ScriptedWebhook(Answer.status(500), Answer.hang(6_000), Answer.tooMany("1"))) {
            // When one alert is delivered
            WebhookDelivery.Result result = delivery(hook, 8, null).deliver("alert-1", BODY);

            // Then it arrives on the fourth try,
            assertThat(result.delivered()).isTrue();
            assertThat(result.attempts()).isEqualTo(4);
            List<ScriptedWebhook.Request> requests = hook.requests();
            assertThat(requests).hasSize(4);
            // every try carries the same key and body, so the receiver can tell repeats apart,
            assertThat(requests).allSatisfy(r -> {
                assertThat(r.header("Idempotency-Key")).isEqualTo("alert-1");
                assertThat(r.body()).isEqualTo(BODY);
                assertThat(r.header("X-Tip-Signature")).isNull();
            });
            // and the try after the 429 waited at least the second Retry-After asked for
            assertThat(Duration.ofNanos(requests.get(3).nanoTime() - requests.get(2).nanoTime())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        try (ScriptedWebhook hook = new ScriptedWebhook(Answer.status(400))) {
            WebhookDelivery.Result result = delivery(hook, 8, null).deliver("alert-1", BODY);

            assertThat(result.delivered()).isFalse();
            assertThat(result.reason()).startsWith("refused: HTTP 400");
            assertThat(hook.requests()).hasSize(1);
        }
    }

    @Test
    void a408IsRetriedLikeATimeout() throws Exception {
        try (ScriptedWebhook hook = new ScriptedWebhook(Answer.status(408))) {
            assertThat(delivery(hook, 8, null).deliver("alert-1", BODY).delivered()).isTrue();
            assertThat(hook.requests()).hasSize(2);
        }
    }

    @Test
    void afterTheLastTryItGivesUpWithTheReason() throws Exception {
        try (ScriptedWebhook hook = new ScriptedWebhook(Answer.status(503), Answer.status(503), Answer.status(503))) {
            WebhookDelivery.Result result = delivery(hook, 3, null).deliver("alert-1", BODY);

            assertThat(result.delivered()).isFalse();
            assertThat(result.reason()).isEqualTo("gave up after 3 tries: HTTP 503: scripted 503");
            assertThat(hook.requests()).hasSize(3);
        }
    }

    @Test
    void withASecretTheBodyIsSignedWithHmacSha256() throws Exception {
        byte[] secret = "s3cret".getBytes(StandardCharsets.UTF_8);
        try (ScriptedWebhook hook = new ScriptedWebhook()) {
            delivery(hook, 1, secret).deliver("alert-1", BODY);

            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(BODY));
            assertThat(hook.requests()).singleElement().satisfies(r -> assertThat(r.header("X-Tip-Signature")).isEqualTo(expected));
        }
    }

    @Test
    void backoffDoublesWithJitterUpToTheCapAndHonoursRetryAfter() {
        Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);

        assertThat(List.of(low.before(1, Optional.empty()), low.before(2, Optional.empty()), low.before(3, Optional.empty())))
                .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(high.before(3, Optional.empty())).isEqualTo(Duration.ofMillis(400));
        assertThat(high.before(20, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(low.before(1, Optional.of(Duration.ofMillis(700)))).isEqualTo(Duration.ofMillis(700));
        assertThat(low.before(1, Optional.of(Duration.ofHours(1)))).as("capped").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(WebhookSender.retryAfter("2")).contains(Duration.ofSeconds(2));
        assertThat(WebhookSender.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(WebhookSender.retryAfter("soon")).isEmpty();
    }
}
