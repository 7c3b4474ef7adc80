package io.tip.app.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tip.model.EventType;
import io.tip.model.MarketEvent;
import io.tip.model.json.AvroJson;
import io.tip.rules.UsdAmount;

/**
 * Reads the JSON form of a market event (docs/events.md, the contract for producers): one object per line; times as
 * {@code YYYY-MM-DD}, ISO-8601 instants or epoch milliseconds; amounts in whole USD as a number or
 * as text such as {@code "$4.5B"} (read by the same parser as rule amounts). Errors say which field and why.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> FIELDS = List.of("id", "type", "actor", "target", "products", "amountUsd",
            "occurredAt", "reportedAt", "headline", "source", "url", "tags", "attributes");

    private EventJson() {
    }

    /** The event as one line {@link #parse} reads back (what `tip publish` and `tip test` take); empty fields left out. */
    public static String line(MarketEvent event) {
        ObjectNode json = AvroJson.toJson(event);
        List<String> empty = new ArrayList<>();
        json.fields().forEachRemaining(f -> {
            if (f.getValue().isNull() || f.getValue().isContainerNode() && f.getValue().isEmpty()) {
                empty.add(f.getKey());
            }
        });
        return json.without(empty).toString();
    }

    /** @throws IllegalArgumentException with a message fit for {@code file:line: message} */
    public static MarketEvent parse(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, one event per line");
        }
        return parse(node);
    }

    /** One event from its JSON object (an element of a JSON array, say). */
    public static MarketEvent parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with the event's fields");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' (known: " + String.join(", ", FIELDS) + ")");
            }
        });
        return MarketEvent.newBuilder()
                .setId(required(node, "id"))
                .setType(type(required(node, "type")))
                .setActor(required(node, "actor"))
                .setTarget(optional(node, "target"))
                .setProducts(strings(node, "products"))
                .setAmountUsd(amount(node))
                .setOccurredAt(time(node, "occurredAt").orElseThrow(() -> new IllegalArgumentException("missing required field 'occurredAt'")))
                .setReportedAt(time(node, "reportedAt").orElse(null))
                .setHeadline(required(node, "headline"))
                .setSource(optional(node, "source"))
                .setUrl(optional(node, "url"))
                .setTags(strings(node, "tags"))
                .setAttributes(attributes(node))
                .build();
    }

    /** {@code product-launch}, {@code Product Launch} and {@code PRODUCT_LAUNCH} are one type. */
    static EventType type(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return EventType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown type '" + text + "' (known: "
                    + String.join(", ", Arrays.stream(EventType.values()).map(Enum::name).toList()) + ")");
        }
    }

    /** A date, an ISO-8601 instant, or epoch milliseconds (what the Avro form holds). */
    private static Optional<Instant> time(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(Instant.ofEpochMilli(value.asLong()));
        }
        if (value.isNumber()) {
            throw new IllegalArgumentException(field + " " + value + " is not whole epoch milliseconds (e.g. 1766534400000)");
        }
        return Optional.of(instant(field, value.asText()));
    }

    /** A date ({@code YYYY-MM-DD}, midnight UTC) or an ISO-8601 instant; the error names {@code field}. */
    public static Instant instant(String field, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a date (YYYY-MM-DD), an ISO-8601 instant "
                    + "(2025-12-24T10:00:00Z) or epoch milliseconds (1766534400000)");
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Long amount(JsonNode node) {
        JsonNode value = node.get("amountUsd");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            try {
                return UsdAmount.parse(value.asText().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("amountUsd: " + e.getMessage());
            }
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        throw new IllegalArgumentException("amountUsd " + value + " is not a whole, non-negative number of US dollars (write 20000000000, \"20B\" or \"$4.5B\")");
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        value.forEach(v -> list.add(v.asText()));
        return list;
    }

    private static Map<String, String> attributes(JsonNode node) {
        JsonNode value = node.get("attributes");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("attributes must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
