package io.tip.app.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tip.app.format.EventJson;
import io.tip.app.format.EventLines;
import io.tip.app.kafka.EventPublisher;
import io.tip.model.MarketEvent;

/**
 * {@code POST /api/events}: market events as JSON (one object or an array) or NDJSON (one object a
 * line), read with the same parser as {@code tip publish}, produced keyed by event id with the
 * idempotent producer. An event is "accepted" only once Kafka acknowledged it, so a 202 never hides a
 * half-written batch; a re-sent event is safe, because the pipeline dedupes by event id.
 * <ul>
 *   <li>202: at least one event accepted; {@code results} gives each event's outcome (accepted, or why not);</li>
 *   <li>400: no event in the body is valid (each reason at its line or index);</li>
 *   <li>413 over {@code http.ingest.max.bytes}; 415 on another content type;</li>
 *   <li>503 when Kafka does not acknowledge within {@code http.ingest.timeout.ms}: the events marked
 *       {@code failed} were not written, and may be sent again.</li>
 * </ul>
 */
final class EventIngest {
    static final List<String> JSON_TYPES = List.of("application/json");
    static final List<String> LINE_TYPES = List.of("application/x-ndjson", "application/jsonl", "application/json-lines");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EventPublisher publisher;
    private final int maxBytes;
    private final long timeoutMs;

    EventIngest(EventPublisher publisher, int maxBytes, long timeoutMs) {
        this.publisher = publisher;
        this.maxBytes = maxBytes;
        this.timeoutMs = timeoutMs;
    }

    /** One event of the request: where it was, and what became of it. */
    private static final class Item {
        final ObjectNode result;
        final MarketEvent event;
        CompletableFuture<?> acked;

        Item(ObjectNode result, MarketEvent event) {
            this.result = result;
            this.event = event;
        }
    }

    void handle(Context ctx) throws IOException {
        String type = mediaType(ctx.contentType());
        boolean lines = LINE_TYPES.contains(type);
        if (!lines && !JSON_TYPES.contains(type)) {
            error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + (type.isEmpty() ? "(none)" : type)
                    + " is not accepted: send application/json (one event or an array) or application/x-ndjson (one event a line)");
            return;
        }
        long declared = ctx.contentLength();
        if (declared > maxBytes) {
            tooLarge(ctx);
            return;
        }
        byte[] body = readAtMost(ctx.bodyInputStream(), maxBytes);
        if (body == null) {
            tooLarge(ctx);
            return;
        }
        List<Item> items;
        try {
            items = lines ? fromLines(body) : fromJson(body);
        } catch (IllegalArgumentException e) {
            error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        if (items.isEmpty()) {
            error(ctx, HttpStatus.BAD_REQUEST, "the body holds no event");
            return;
        }
        respond(ctx, publish(items));
    }

    private List<Item> fromJson(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage()
                    + " (for one event a line, send Content-Type: application/x-ndjson)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the body: " + e.getMessage());
        }
        if (root == null) {
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                items.add(parse(JSON.objectNode().put("index", i), root.get(i)));
            }
        } else {
            items.add(parse(JSON.objectNode().put("index", 0), root));
        }
        return items;
    }

    private static Item parse(ObjectNode where, JsonNode node) {
        try {
            MarketEvent event = EventJson.parse(node);
            where.put("id", event.getId());
            return new Item(where, event);
        } catch (IllegalArgumentException e) {
            return rejected(where, node.path("id").isTextual() ? node.get("id").asText() : null, e.getMessage());
        }
    }

    private List<Item> fromLines(byte[] body) throws IOException {
        List<Item> items = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            EventLines.read(reader, "the request body", new EventLines.Sink() {
                @Override
                public void event(long line, MarketEvent event) {
                    items.add(new Item(JSON.objectNode().put("line", line).put("id", event.getId()), event));
                }

                @Override
                public void error(long line, String message) {
                    items.add(rejected(JSON.objectNode().put("line", line), null, message));
                }
            });
        }
        return items;
    }

    private static Item rejected(ObjectNode where, String id, String reason) {
        if (id != null) {
            where.put("id", id);
        }
        where.put("status", "rejected").put("error", reason);
        return new Item(where, null);
    }

    /** Sends every valid event, then waits for each acknowledgement; whatever Kafka did not acknowledge is "failed". */
    private List<Item> publish(List<Item> items) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (Item item : items) {
            if (item.event != null) {
                try {
                    item.acked = publisher.send(item.event);
                } catch (RuntimeException e) { // metadata not available within max.block.ms: Kafka is unreachable
                    item.acked = CompletableFuture.failedFuture(e);
                }
            }
        }
        for (Item item : items) {
            if (item.acked == null) {
                continue;
            }
            try {
                item.acked.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                item.result.put("status", "accepted");
            } catch (TimeoutException e) {
                item.result.put("status", "failed").put("error", "Kafka did not acknowledge within " + timeoutMs + " ms");
            } catch (ExecutionException e) {
                item.result.put("status", "failed").put("error", "Kafka refused it: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                item.result.put("status", "failed").put("error", "interrupted while waiting for Kafka");
            }
        }
        return items;
    }

    private static void respond(Context ctx, List<Item> items) {
        int accepted = 0;
        int rejected = 0;
        int failed = 0;
        ArrayNode results = JSON.arrayNode();
        for (Item item : items) {
            switch (item.result.get("status").asText()) {
                case "accepted" -> accepted++;
                case "rejected" -> rejected++;
                default -> failed++;
            }
            results.add(item.result);
        }
        ObjectNode out = JSON.objectNode().put("accepted", accepted).put("rejected", rejected).put("failed", failed);
        HttpStatus status;
        if (failed > 0) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            ctx.header("Retry-After", "5");
            out.put("error", "Kafka is unreachable or refused " + failed + " event(s); the events marked failed were not "
                    + "written: send them again (the pipeline dedupes by event id, so a repeat is safe)");
        } else if (accepted == 0) {
            status = HttpStatus.BAD_REQUEST;
            out.put("error", "no valid event in the body; each reason is in results");
        } else {
            status = HttpStatus.ACCEPTED;
        }
        out.set("results", results);
        ctx.status(status).json(out);
    }

    private void tooLarge(Context ctx) {
        error(ctx, HttpStatus.CONTENT_TOO_LARGE, "the body is larger than " + maxBytes
                + " bytes (http.ingest.max.bytes): split the events into smaller requests");
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    /** The body, or null when it is longer than {@code limit} (read no further than one byte past it). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
