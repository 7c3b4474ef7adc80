package io.tip.app.alert;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before retry number {@code n}: exponential ({@code initial * 2^(n-1)}, capped),
 * with jitter so many senders retrying at once spread out; a receiver's Retry-After wins when it
 * asks for longer, up to the cap.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** @param retry 1 for the wait before the second try */
    Duration before(int retry, Optional<Duration> retryAfter) {
        long base = initial.toMillis() << Math.min(retry - 1, 30);
        long capped = Math.min(base < 0 ? Long.MAX_VALUE : base, max.toMillis());
        long jittered = (long) (capped / 2.0 + random.getAsDouble() * capped / 2.0);
        long wanted = retryAfter.map(Duration::toMillis).map(r -> Math.max(r, jittered)).orElse(jittered);
        return Duration.ofMillis(Math.min(wanted, max.toMillis()));
    }
}
