package io.tip.app.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One POST of one alert to a webhook, as payment and chat webhooks expect it: the alert's
 * deterministic id in {@code Idempotency-Key} (a repeat after a crash is recognisable), and, with a
 * secret, {@code X-Tip-Signature: sha256=<hex HMAC-SHA256 of the body>}.
 */
final class WebhookSender {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String SIGNATURE = "X-Tip-Signature";

    /** What one try came to. */
    sealed interface Outcome {
        record Delivered(int status) implements Outcome {
        }

        /** A timeout, a connection failure, 408, 429 or 5xx: worth another try. */
        record Retry(String reason, Optional<Duration> retryAfter) implements Outcome {
        }

        /** Any other 4xx: the receiver refuses this alert, and would again. */
        record Refused(String reason) implements Outcome {
        }
    }

    private final HttpClient client;
    private final URI url;
    private final Duration timeout;
    private final byte[] secret;

    WebhookSender(URI url, Duration timeout, byte[] secret) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.url = url;
        this.timeout = timeout;
        this.secret = secret;
    }

    Outcome post(String idempotencyKey, byte[] body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header(SIGNATURE, "sha256=" + sign(secret, body));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Outcome.Retry("timed out after " + timeout.toMillis() + " ms", Optional.empty());
        } catch (IOException e) {
            return new Outcome.Retry("cannot reach " + url.getHost() + ": " + e, Optional.empty());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Outcome.Delivered(status);
        }
        String reason = "HTTP " + status + (response.body().isBlank() ? "" : ": " + abbreviate(response.body()));
        if (status == 408 || status == 429 || status >= 500) {
            return new Outcome.Retry(reason, response.headers().firstValue("Retry-After").flatMap(WebhookSender::retryAfter));
        }
        return new Outcome.Refused(reason);
    }

    /** Hex HMAC-SHA256 of the body: the receiver recomputes it with the shared secret to check who sent it. */
    static String sign(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    /** Retry-After is delay-seconds or an HTTP date (RFC 9110); anything else is ignored. */
    static Optional<Duration> retryAfter(String value) {
        String text = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
