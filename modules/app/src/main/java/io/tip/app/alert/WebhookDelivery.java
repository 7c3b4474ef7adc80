package io.tip.app.alert;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one alert with retries: on a retryable outcome it waits ({@link Backoff}) and tries
 * again, up to the configured number of tries; it then gives up with the last reason, for the
 * caller to dead-letter. A refusal (4xx other than 408/429) gives up at once.
 */
final class WebhookDelivery {
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    /** The end of one alert's delivery. */
    record Result(boolean delivered, int attempts, String reason) {
    }

    private final WebhookSender sender;
    private final Backoff backoff;
    private final int maxAttempts;
    private final BooleanSupplier stopping;

    WebhookDelivery(WebhookSender sender, Backoff backoff, int maxAttempts, BooleanSupplier stopping) {
        this.sender = sender;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.stopping = stopping;
    }

    /** @return null when a shutdown interrupted it (the alert is neither delivered nor dead-lettered) */
    Result deliver(String id, byte[] body) throws InterruptedException {
        String reason = "";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            WebhookSender.Outcome outcome = sender.post(id, body);
            if (outcome instanceof WebhookSender.Outcome.Delivered) {
                return new Result(true, attempt, "");
            }
            if (outcome instanceof WebhookSender.Outcome.Refused refused) {
                return new Result(false, attempt, "refused: " + refused.reason());
            }
            WebhookSender.Outcome.Retry retry = (WebhookSender.Outcome.Retry) outcome;
            reason = retry.reason();
            if (attempt == maxAttempts) {
                break;
            }
            Duration wait = backoff.before(attempt, retry.retryAfter());
            log.info("alert {}: try {} of {} failed ({}); next in {} ms", id, attempt, maxAttempts, reason, wait.toMillis());
            if (!sleep(wait)) {
                return null;
            }
        }
        return new Result(false, maxAttempts, "gave up after " + maxAttempts + " tries: " + reason);
    }

    private boolean sleep(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
        return !stopping.getAsBoolean();
    }
}
