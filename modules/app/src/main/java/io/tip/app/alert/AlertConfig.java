package io.tip.app.alert;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of {@code tip alert}, the webhook delivery. */
public final class AlertConfig extends AbstractConfig {
    public static final String MAX_ATTEMPTS = "alert.max.attempts";
    public static final String BACKOFF_INITIAL_MS = "alert.backoff.initial.ms";
    public static final String BACKOFF_MAX_MS = "alert.backoff.max.ms";
    public static final String REQUEST_TIMEOUT_MS = "alert.request.timeout.ms";
    public static final String GROUP_ID = "alert.group.id";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(MAX_ATTEMPTS, Type.INT, 8, Range.between(1, 100), Importance.MEDIUM,
                    "Tries per alert before it goes to thesis-alerts.dlq with the reason (timeouts, 5xx, 408 and 429 are retried; other 4xx are not).")
            .define(BACKOFF_INITIAL_MS, Type.LONG, 500L, Range.atLeast(0), Importance.LOW,
                    "Wait before the first retry; it doubles at every retry, with random jitter (a half to the full wait).")
            .define(BACKOFF_MAX_MS, Type.LONG, Duration.ofMinutes(1).toMillis(), Range.atLeast(0), Importance.LOW,
                    "Longest wait between two tries, also the most a Retry-After header is honoured.")
            .define(REQUEST_TIMEOUT_MS, Type.LONG, Duration.ofSeconds(10).toMillis(), Range.atLeast(1), Importance.LOW,
                    "How long one POST may take before it counts as a timeout (and is retried).")
            .define(GROUP_ID, Type.STRING, "", Importance.MEDIUM,
                    "Consumer group of `tip alert` (its committed offsets are its progress); default: tip-alert.<source>.<hash of the webhook URL>, "
                            + "so two webhooks on one source each get everything.");

    public AlertConfig(Map<?, ?> originals) {
        super(CONFIG, originals, false);
    }

    public int maxAttempts() { return getInt(MAX_ATTEMPTS); }
    public Duration initialBackoff() { return Duration.ofMillis(getLong(BACKOFF_INITIAL_MS)); }
    public Duration maxBackoff() { return Duration.ofMillis(getLong(BACKOFF_MAX_MS)); }
    public Duration requestTimeout() { return Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS)); }
    public String groupId() { return getString(GROUP_ID); }
}
