package io.tip.app.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tip.app.format.EventJson;
import io.tip.model.MarketEvent;

/**
 * The analyst's inbox: the newest events no thesis cared about (market-events.unmatched), and the
 * dead letters (market-events.dlq) counted by reason, with the newest few.
 */
final class Inbox {
    static final int UNMATCHED_KEPT = 100;
    static final int LETTERS_KEPT = 20;
    /** Distinct reasons counted one by one; reasons name values, so past this they are counted together. */
    static final int REASONS_KEPT = 50;
    static final String OTHER_REASONS = "(other reasons)";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private record Unmatched(MarketEvent event, Instant receivedAt) {
    }

    private record Letter(String key, String reason, Instant receivedAt) {
    }

    private final Deque<Unmatched> unmatched = new ArrayDeque<>();
    private final Deque<Letter> letters = new ArrayDeque<>();
    private final Map<String, Long> reasons = new LinkedHashMap<>();
    private long deadLetters;
    private long unreadable;

    synchronized void unmatched(MarketEvent event, Instant receivedAt) {
        unmatched.removeIf(u -> u.event().getId().equals(event.getId()));
        unmatched.addFirst(new Unmatched(event, receivedAt));
        if (unmatched.size() > UNMATCHED_KEPT) {
            unmatched.removeLast();
        }
    }

    synchronized void deadLetter(String key, String reason, Instant receivedAt) {
        deadLetters++;
        String counted = reasons.containsKey(reason) || reasons.size() < REASONS_KEPT ? reason : OTHER_REASONS;
        reasons.merge(counted, 1L, Long::sum);
        letters.addFirst(new Letter(key, reason, receivedAt));
        if (letters.size() > LETTERS_KEPT) {
            letters.removeLast();
        }
    }

    /** A record of these topics this version could not read (another schema): counted, never silently dropped. */
    synchronized void countUnreadable() {
        unreadable++;
    }

    synchronized long unreadable() {
        return unreadable;
    }

    /** A recent unmatched event, as the JSON line `tip publish` and `tip test` read. */
    synchronized Optional<String> eventLine(String eventId) {
        return unmatched.stream().map(Unmatched::event).filter(e -> e.getId().equals(eventId)).findFirst().map(EventJson::line);
    }

    /** Newest first: {@code unmatched} events and {@code deadLetters} with their {@code count}, {@code reasons} and {@code recent} letters; {@code unreadableRecords}. */
    synchronized ObjectNode json() {
        ObjectNode out = JSON.objectNode();
        ArrayNode events = out.putArray("unmatched");
        for (Unmatched u : unmatched) {
            MarketEvent e = u.event();
            events.addObject().put("id", e.getId()).put("type", e.getType().name()).put("actor", e.getActor())
                    .put("headline", e.getHeadline()).put("occurredAt", e.getOccurredAt().toString())
                    .put("receivedAt", u.receivedAt().toString()).put("json", "/api/inbox/events/" + URLEncoder.encode(e.getId(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        ObjectNode dead = out.putObject("deadLetters").put("count", deadLetters);
        ArrayNode byReason = dead.putArray("reasons");
        reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(r -> byReason.addObject().put("reason", r.getKey()).put("count", r.getValue()));
        ArrayNode recent = dead.putArray("recent");
        letters.forEach(l -> recent.addObject().put("key", l.key()).put("reason", l.reason()).put("receivedAt", l.receivedAt().toString()));
        return out.put("unreadableRecords", unreadable);
    }
}
