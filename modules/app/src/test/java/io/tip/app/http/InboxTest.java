package io.tip.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tip.app.format.EventJson;
import io.tip.model.MarketEvent;

class InboxTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void unmatchedEventsComeNewestFirstEachWithTheLineTipTestReads() {
        Inbox inbox = new Inbox();
        inbox.unmatched(event("evt-novo", "Novo Nordisk cuts full-year sales outlook"), NOW);
        inbox.unmatched(event("evt-maersk", "Maersk adds Asia-Europe container capacity"), NOW.plusSeconds(1));

        JsonNode unmatched = inbox.json().get("unmatched");

        assertThat(unmatched).extracting(e -> e.get("id").asText()).containsExactly("evt-maersk", "evt-novo");
        assertThat(unmatched.get(0).get("json").asText()).isEqualTo("/api/inbox/events/evt-maersk");
        assertThat(inbox.eventLine("evt-maersk")).map(EventJson::parse).contains(event("evt-maersk", "Maersk adds Asia-Europe container capacity"));
        assertThat(inbox.eventLine("evt-unknown")).isEmpty();
    }

    @Test
    void onlyTheNewestUnmatchedEventsAreKept() {
        Inbox inbox = new Inbox();
        for (int i = 0; i < Inbox.UNMATCHED_KEPT + 5; i++) {
            inbox.unmatched(event("evt-" + i, "h"), NOW.plusSeconds(i));
        }

        JsonNode unmatched = inbox.json().get("unmatched");

        assertThat(unmatched).hasSize(Inbox.UNMATCHED_KEPT);
        assertThat(unmatched.get(0).get("id").asText()).isEqualTo("evt-" + (Inbox.UNMATCHED_KEPT + 4));
        assertThat(inbox.eventLine("evt-0")).isEmpty();
    }

    @Test
    void deadLettersAreCountedByReasonMostCommonFirstAndEveryOneCounts() {
        Inbox inbox = new Inbox();
        inbox.deadLetter("a", "headline is missing or blank", NOW);
        inbox.deadLetter("b", "unknown magic byte 0x6e", NOW);
        inbox.deadLetter("c", "headline is missing or blank", NOW);
        for (int i = 0; i < Inbox.REASONS_KEPT + 3; i++) {
            inbox.deadLetter("k" + i, "key 'k" + i + "' differs from the event id", NOW);
        }

        JsonNode dead = inbox.json().get("deadLetters");

        assertThat(dead.get("count").asLong()).isEqualTo(3 + Inbox.REASONS_KEPT + 3);
        List<String> reasons = new ArrayList<>();
        long counted = 0;
        for (JsonNode r : dead.get("reasons")) {
            reasons.add(r.get("reason").asText());
            counted += r.get("count").asLong();
        }
        assertThat(reasons.get(0)).isEqualTo(Inbox.OTHER_REASONS);
        assertThat(reasons).contains("headline is missing or blank").hasSize(Inbox.REASONS_KEPT + 1);
        assertThat(counted).as("every letter counted under some reason").isEqualTo(dead.get("count").asLong());
        assertThat(dead.get("recent")).hasSize(Inbox.LETTERS_KEPT);
    }

    private static MarketEvent event(String id, String headline) {
        return EventJson.parse("{\"id\":\"" + id + "\",\"type\":\"CAPACITY\",\"actor\":\"Maersk\",\"occurredAt\":\"2025-12-15\",\"headline\":\"" + headline + "\"}");
    }
}
