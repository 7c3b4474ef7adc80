package io.tip.engine.internal.validate;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import io.tip.engine.EngineConfig;
import io.tip.model.MarketEvent;

/**
 * Checks an event before it is matched. Each rule names what is wrong in words a producer can act
 * on, because the message becomes the dead letter's reason.
 */
public final class EventValidator {
    /** Events before this are certainly typos (year 1900). */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private final long maxFutureMs;
    private final long maxAmountUsd;
    private final int maxTextChars;
    private final int maxListSize;
    private final int maxEventBytes;

    public EventValidator(EngineConfig config) {
        this.maxFutureMs = config.maxFuture().toMillis();
        this.maxAmountUsd = config.maxAmountUsd();
        this.maxTextChars = config.maxTextChars();
        this.maxListSize = config.maxListSize();
        this.maxEventBytes = config.maxEventBytes();
    }

    /**
     * @param recordBytes the record's key, value and headers together, as received
     * @throws InvalidEventException when the record is larger than {@code validation.max.event.bytes}: an
     *         unmatched event is forwarded as received, and a larger one would not fit the unmatched topic
     */
    public void validateSize(long recordBytes) {
        if (recordBytes > maxEventBytes) {
            throw new InvalidEventException("the record is " + recordBytes + " bytes with its key and headers, more than "
                    + EngineConfig.VALIDATION_MAX_EVENT_BYTES + "=" + maxEventBytes + ": send less (fewer or shorter attributes, smaller headers)");
        }
    }

    /** @throws InvalidEventException naming the first problem found */
    public void validate(String key, MarketEvent event, long nowMs) {
        if (event == null) {
            throw new InvalidEventException("null value: market-events is not a table, a tombstone is not an event");
        }
        requireText("id", event.getId());
        if (key == null) {
            throw new InvalidEventException("null key: the key must be the event id ('" + event.getId() + "') so re-sent events land on the same partition");
        }
        if (!key.equals(event.getId())) {
            throw new InvalidEventException("key '" + clip(key) + "' differs from the event id '" + clip(event.getId()) + "': key events by their id");
        }
        requireText("actor", event.getActor());
        requireText("headline", event.getHeadline());
        optionalText("target", event.getTarget());
        optionalText("source", event.getSource());
        optionalText("url", event.getUrl());
        list("products", event.getProducts());
        list("tags", event.getTags());
        attributes(event.getAttributes());
        Instant occurred = event.getOccurredAt();
        if (occurred == null || occurred.isBefore(EARLIEST)) {
            throw new InvalidEventException("occurredAt " + occurred + " is before 1900: send the time the event happened");
        }
        if (occurred.toEpochMilli() > nowMs + maxFutureMs) {
            throw new InvalidEventException("occurredAt " + occurred + " is in the future (more than "
                    + maxFutureMs / 3_600_000 + " h ahead of " + Instant.ofEpochMilli(nowMs) + ")");
        }
        Long amount = event.getAmountUsd();
        if (amount != null && (amount < 0 || amount > maxAmountUsd)) {
            throw new InvalidEventException("amountUsd " + amount + " is outside 0.." + maxAmountUsd + " USD");
        }
    }

    private void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " is missing or blank");
        }
        optionalText(field, value);
    }

    private void optionalText(String field, String value) {
        if (value != null && value.length() > maxTextChars) {
            throw new InvalidEventException(field + " is " + value.length() + " characters long (at most " + maxTextChars + ")");
        }
    }

    private void list(String field, Collection<String> values) {
        if (values.size() > maxListSize) {
            throw new InvalidEventException(field + " has " + values.size() + " entries (at most " + maxListSize + ")");
        }
        for (String v : values) {
            optionalText(field + " entry", v);
        }
    }

    private void attributes(Map<String, String> attributes) {
        if (attributes.size() > maxListSize) {
            throw new InvalidEventException("attributes has " + attributes.size() + " entries (at most " + maxListSize + ")");
        }
        attributes.forEach((k, v) -> {
            optionalText("attribute name", k);
            optionalText("attribute '" + clip(k) + "'", v);
        });
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
