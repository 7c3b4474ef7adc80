package io.tip.engine;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The pipeline's own settings, each declared once with its type, default, validation and doc.
 * Kafka and Kafka Streams settings are not declared here: they pass through unchanged.
 */
public final class EngineConfig extends AbstractConfig {

    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String DEDUPE_RETENTION_MS = "dedupe.retention.ms";
    public static final String PROPAGATION_MAX_DEPTH = "propagation.max.depth";
    public static final String PROPAGATION_DECAY = "propagation.decay";
    public static final String PROPAGATION_MIN_MAGNITUDE = "propagation.min.magnitude";
    public static final String VAULT_NAME = "vault.name";
    public static final String LINKED_ENTITY_MAGNITUDE = "linked.entity.magnitude";
    public static final String STATE_LAST_IMPACTS = "state.last.impacts";
    public static final String STATUS_THRESHOLD = "status.threshold";
    public static final String VALIDATION_MAX_FUTURE_MS = "validation.max.future.ms";
    public static final String VALIDATION_MAX_AMOUNT_USD = "validation.max.amount.usd";
    public static final String VALIDATION_MAX_TEXT_CHARS = "validation.max.text.chars";
    public static final String VALIDATION_MAX_LIST_SIZE = "validation.max.list.size";
    public static final String VALIDATION_MAX_EVENT_BYTES = "validation.max.event.bytes";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC_PREFIX, Type.STRING, "", ConfigDef.LambdaValidator.with((name, value) -> {
                        if (!String.valueOf(value).matches("[a-zA-Z0-9._-]*")) {
                            throw new org.apache.kafka.common.config.ConfigException(name, value,
                                    "a topic name prefix may contain only letters, digits, '.', '_' and '-'");
                        }
                    }, () -> "[a-zA-Z0-9._-]*"), Importance.HIGH,
                    "Prepended to every topic name, so several pipelines can share a cluster.")
            .define(DEDUPE_RETENTION_MS, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(1), Importance.MEDIUM,
                    "How long an event id is remembered: a re-sent event within this time changes nothing downstream.")
            .define(PROPAGATION_MAX_DEPTH, Type.INT, 3, Range.between(0, 10), Importance.MEDIUM,
                    "Most implication hops an impact travels (0 = direct impacts only).")
            .define(PROPAGATION_DECAY, Type.DOUBLE, 0.5, Range.between(0.0, 1.0), Importance.LOW,
                    "Factor applied to the magnitude at every hop, on top of the implication's own weight.")
            .define(PROPAGATION_MIN_MAGNITUDE, Type.DOUBLE, 0.15, Range.between(0.0, 1.0), Importance.MEDIUM,
                    "A propagated impact weaker than this is dropped (and travels no further); direct impacts are always kept. "
                            + "0.15 keeps every order-2 impact of a signal weighted 0.3 or more and drops the order-3+ tail "
                            + "that made most of the demo's lines (BENCHMARKS.md, \"Impact noise\").")
            .define(VAULT_NAME, Type.STRING, "", Importance.LOW,
                    "Name of the Obsidian vault the notes come from; when set, every impact carries an obsidian://open link to its thesis note.")
            .define(LINKED_ENTITY_MAGNITUDE, Type.DOUBLE, 0.5, Range.between(0.0, 1.0), Importance.LOW,
                    "Magnitude of the REVIEW impact a note without signals gets when an event involves an entity it links.")
            .define(STATE_LAST_IMPACTS, Type.INT, 5, Range.between(1, 1000), Importance.LOW,
                    "How many recent impacts thesis-state keeps per thesis (as summaries; the state is rewritten on every impact, so its size is the pipeline's main cost).")
            .define(STATUS_THRESHOLD, Type.DOUBLE, 0.5, Range.between(0.0, 100.0), Importance.LOW,
                    "Score at or above which a thesis is STRENGTHENING (at or below its negative: CHALLENGED).")
            .define(VALIDATION_MAX_FUTURE_MS, Type.LONG, Duration.ofDays(2).toMillis(), Range.atLeast(0), Importance.LOW,
                    "An event that occurred further in the future than this is rejected to the dead-letter topic.")
            .define(VALIDATION_MAX_AMOUNT_USD, Type.LONG, 10_000_000_000_000L, Range.atLeast(0), Importance.LOW,
                    "Largest plausible amount in USD; a larger (or negative) one is rejected.")
            .define(VALIDATION_MAX_TEXT_CHARS, Type.INT, 4096, Range.atLeast(16), Importance.LOW,
                    "Longest id, actor, target, headline, source, url, tag or attribute accepted.")
            .define(VALIDATION_MAX_LIST_SIZE, Type.INT, 256, Range.atLeast(1), Importance.LOW,
                    "Most products, tags or attributes accepted on one event.")
            // Half of Kafka's default max.request.size (1 MB): an unmatched event is forwarded as received
            // (key, value and headers), so a larger one could not be written to market-events.unmatched.
            .define(VALIDATION_MAX_EVENT_BYTES, Type.INT, 512 * 1024, Range.between(1024, 64 * 1024 * 1024), Importance.LOW,
                    "Largest market-events record accepted, key, value and headers together, in bytes; a larger one is "
                    + "rejected to the dead-letter topic. Keep it well under the producer's max.request.size and the "
                    + "unmatched topic's max.message.bytes.");

    public EngineConfig(Map<?, ?> originals) {
        super(CONFIG, originals, false);
    }

    public String topicPrefix() { return getString(TOPIC_PREFIX); }
    public Duration dedupeRetention() { return Duration.ofMillis(getLong(DEDUPE_RETENTION_MS)); }
    public int maxDepth() { return getInt(PROPAGATION_MAX_DEPTH); }
    public double decay() { return getDouble(PROPAGATION_DECAY); }
    public double minPropagatedMagnitude() { return getDouble(PROPAGATION_MIN_MAGNITUDE); }
    public String vaultName() { return getString(VAULT_NAME); }
    public double linkedEntityMagnitude() { return getDouble(LINKED_ENTITY_MAGNITUDE); }
    public int lastImpacts() { return getInt(STATE_LAST_IMPACTS); }
    public double statusThreshold() { return getDouble(STATUS_THRESHOLD); }
    public Duration maxFuture() { return Duration.ofMillis(getLong(VALIDATION_MAX_FUTURE_MS)); }
    public long maxAmountUsd() { return getLong(VALIDATION_MAX_AMOUNT_USD); }
    public int maxTextChars() { return getInt(VALIDATION_MAX_TEXT_CHARS); }
    public int maxListSize() { return getInt(VALIDATION_MAX_LIST_SIZE); }
    public int maxEventBytes() { return getInt(VALIDATION_MAX_EVENT_BYTES); }
}
