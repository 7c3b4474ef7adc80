package io.tip.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tip.model.EventType;
import io.tip.model.MarketEvent;

/** Events that move the example vault in known ways, for the subscription and alert tests. */
final class DeskEvents {
    private DeskEvents() {
    }

    /** NVIDIA buys an inference specialist: convergence CHALLENGED (0.8), Long Broadcom and Inference economics to REVIEW (0.4). */
    static MarketEvent groqLike(String id) {
        return event(id, EventType.ACQUISITION, "NVIDIA", "Groq", "NVIDIA to acquire Groq (" + id + ")", List.of("inference"));
    }

    /** Broadcom wins a custom ASIC customer: Long Broadcom SUPPORTED (0.8). */
    static MarketEvent broadcomDeal(String id) {
        return event(id, EventType.PARTNERSHIP, "Broadcom", "OpenAI", "Broadcom and OpenAI co-develop accelerators (" + id + ")",
                List.of("custom-asic"));
    }

    /** {@code count} events, alternating the two kinds, ids {@code prefix-0 ...}. */
    static List<MarketEvent> alternating(String prefix, int count) {
        List<MarketEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(i % 2 == 0 ? groqLike(prefix + "-" + i) : broadcomDeal(prefix + "-" + i));
        }
        return events;
    }

    private static MarketEvent event(String id, EventType type, String actor, String target, String headline, List<String> tags) {
        return MarketEvent.newBuilder().setId(id).setType(type).setActor(actor).setTarget(target).setHeadline(headline)
                .setOccurredAt(Instant.parse("2025-12-24T00:00:00Z")).setUrl("https://example.com/" + id).setTags(tags).build();
    }
}
