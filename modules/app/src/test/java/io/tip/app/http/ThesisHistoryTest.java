package io.tip.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tip.model.EventType;
import io.tip.model.Stance;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisStatus;

class ThesisHistoryTest {
    private static final String THESIS = "training-inference-convergence";

    @Test
    void impactsComeOldestFirstByEventTimeWithTheScoreAfterEach() {
        // Given impacts arriving out of event-time order
        ThesisHistory history = new ThesisHistory();
        history.impact(impact("evt-groq", "2025-12-24", Stance.CHALLENGES, 0.8));
        history.impact(impact("evt-aws", "2024-12-03", Stance.SUPPORTS, 0.7));
        history.impact(impact("evt-review", "2025-03-18", Stance.REVIEW, 0.5));

        // When the history is asked for
        ObjectNode json = history.json(THESIS);

        // Then they come by event time, each with the score as thesis-state would have it after them
        List<String> events = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        json.get("impacts").forEach(i -> {
            events.add(i.get("eventId").asText());
            scores.add(i.get("scoreAfter").asDouble());
        });
        assertThat(events).containsExactly("evt-aws", "evt-review", "evt-groq");
        assertThat(scores).containsExactly(0.7, 0.7, -0.1);
        assertThat(json.get("truncated").asBoolean()).isFalse();
        assertThat(history.latest(THESIS)).map(ThesisImpact::getEventId).contains("evt-groq");
        assertThat(history.scores(THESIS, 2)).containsExactly(0.7, -0.1);
    }

    @Test
    void pastTheLimitTheOldestGoButTheScoreStillEndsWhereTheThesisStands() {
        // Given more impacts than are kept, in shuffled order
        List<ThesisImpact> impacts = new ArrayList<>();
        for (int i = 0; i < ThesisHistory.IMPACTS_KEPT + 25; i++) {
            impacts.add(impact(String.format("evt-%04d", i), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 3600L).toString(),
                    i % 3 == 0 ? Stance.CHALLENGES : Stance.SUPPORTS, 0.1));
        }
        Collections.shuffle(impacts, new java.util.Random(7));
        ThesisHistory history = new ThesisHistory();
        impacts.forEach(history::impact);

        // When the history is asked for
        ObjectNode json = history.json(THESIS);

        // Then the newest are kept, it says older ones are gone, and the last score is the sum of all of them
        JsonNode kept = json.get("impacts");
        assertThat(kept).hasSize(ThesisHistory.IMPACTS_KEPT);
        assertThat(kept.get(0).get("eventId").asText()).isEqualTo("evt-0025");
        assertThat(json.get("truncated").asBoolean()).isTrue();
        double total = impacts.stream().mapToDouble(i -> i.getStance() == Stance.SUPPORTS ? 0.1 : -0.1).sum();
        assertThat(kept.get(kept.size() - 1).get("scoreAfter").asDouble()).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void pastTheTotalLimitTheGloballyOldestGoFromWhicheverThesisHoldsThem() {
        // Given room for 3 impacts in all, and two theses
        ThesisHistory history = new ThesisHistory(10, 3);
        history.impact(impact("evt-1", "2025-01-01", Stance.SUPPORTS, 0.5));
        history.impact(impactOn("other", "evt-2", "2025-01-02"));
        history.impact(impact("evt-3", "2025-01-03", Stance.SUPPORTS, 0.25));

        // When a fourth arrives
        history.impact(impactOn("other", "evt-4", "2025-01-04"));

        // Then the oldest of all is gone, and its thesis's score line still ends at the sum of its impacts
        ObjectNode json = history.json(THESIS);
        assertThat(json.get("impacts")).extracting(i -> i.get("eventId").asText()).containsExactly("evt-3");
        assertThat(json.get("impacts").get(0).get("scoreAfter").asDouble()).isEqualTo(0.75);
        assertThat(json.get("truncated").asBoolean()).isTrue();
        assertThat(history.json("other").get("impacts")).hasSize(2);
        assertThat(history.json("other").get("truncated").asBoolean()).isFalse();
    }

    @Test
    void statusChangesAreKeptInTheOrderTheyWereRecorded() {
        ThesisHistory history = new ThesisHistory();
        ThesisImpact groq = impact("evt-groq", "2025-12-24", Stance.CHALLENGES, 0.8);
        history.alert(ThesisAlert.newBuilder().setId("a1").setThesisId(THESIS).setPreviousStatus(ThesisStatus.STEADY)
                .setStatus(ThesisStatus.CHALLENGED).setScore(-0.8).setCause(groq).build(), Instant.parse("2026-01-02T10:00:00Z"));

        JsonNode change = history.json(THESIS).get("statusChanges").get(0);

        assertThat(change.get("previousStatus").asText()).isEqualTo("STEADY");
        assertThat(change.get("status").asText()).isEqualTo("CHALLENGED");
        assertThat(change.get("causeHeadline").asText()).isEqualTo("headline of evt-groq");
        assertThat(change.get("recordedAt").asText()).isEqualTo("2026-01-02T10:00:00Z");
    }

    @Test
    void aThesisWithNoImpactHasAnEmptyHistory() {
        ObjectNode json = new ThesisHistory().json("quiet");

        assertThat(json.get("impacts")).isEmpty();
        assertThat(json.get("statusChanges")).isEmpty();
        assertThat(new ThesisHistory().latest("quiet")).isEmpty();
    }

    private static ThesisImpact impactOn(String thesisId, String eventId, String when) {
        return ThesisImpact.newBuilder(impact(eventId, when, Stance.REVIEW, 0.3)).setThesisId(thesisId).setPath(List.of(thesisId)).build();
    }

    private static ThesisImpact impact(String eventId, String when, Stance stance, double magnitude) {
        Instant time = when.length() == 10 ? Instant.parse(when + "T00:00:00Z") : Instant.parse(when);
        return ThesisImpact.newBuilder().setId(eventId + "/" + THESIS).setThesisId(THESIS).setThesisTitle("Training-inference convergence")
                .setEventId(eventId).setEventHeadline("headline of " + eventId).setEventType(EventType.OTHER).setEventTime(time)
                .setStance(stance).setMagnitude(magnitude).setOrder(1).setPath(List.of(THESIS)).setSignals(List.of()).setWhy("why")
                .build();
    }
}
