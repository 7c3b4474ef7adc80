package io.tip.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.tip.engine.internal.impact.ImpactId;
import io.tip.engine.internal.state.ThesisStateFold;
import io.tip.model.EventType;
import io.tip.model.ImpactSummary;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.ThesisStatus;

class ThesisStateFoldTest {
    /** Set -Dfold.seed=N to repeat a failed run: every run prints the seed it used. */
    private static final long SEED = Long.getLong("fold.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);

    private final ThesisStateFold fold = new ThesisStateFold(5, 0.5);

    @RepeatedTest(20)
    void theSameImpactsInAnyOrderGiveTheSameState() {
        long seed = RANDOM.nextLong();
        System.out.println("ThesisStateFoldTest: shuffle seed " + seed + " (from -Dfold.seed=" + SEED + ")");
        // Given thirty impacts with awkward magnitudes, colliding event times and a title per note version
        List<ThesisImpact> impacts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            impacts.add(impact("e" + i, Stance.values()[i % 3], 0.1 + (i % 7) * 0.0333,
                    Instant.ofEpochSecond(1_700_000_000L + i % 4), "Title " + (i % 4)));
        }
        ThesisState inOrder = foldAll(impacts);

        // When they arrive shuffled
        List<ThesisImpact> shuffled = new ArrayList<>(impacts);
        Collections.shuffle(shuffled, new Random(seed));

        // Then the state is equal, field for field (seed printed above)
        assertThat(foldAll(shuffled)).as("seed " + seed).isEqualTo(inOrder);
        assertThat(inOrder.getLastImpacts()).extracting(ImpactSummary::getEventId)
                .containsExactly("e11", "e15", "e19", "e23", "e27"); // newest time (…003), then by event id
        assertThat(inOrder.getThesisTitle()).isEqualTo("Title 3");
        assertThat(inOrder.getSupports()).isEqualTo(10);
        assertThat(inOrder.getChallenges()).isEqualTo(10);
        assertThat(inOrder.getReviews()).isEqualTo(10);
    }

    @Test
    void theTitleIsTheNewestImpactsTitleWhateverTheArrivalOrder() {
        ThesisImpact renamed = impact("new", Stance.SUPPORTS, 0.1, Instant.parse("2025-02-01T00:00:00Z"), "New name");
        ThesisImpact older = impact("old", Stance.SUPPORTS, 0.1, Instant.parse("2025-01-01T00:00:00Z"), "Old name");

        assertThat(fold.apply(fold.apply(null, older), renamed).getThesisTitle()).isEqualTo("New name");
        assertThat(fold.apply(fold.apply(null, renamed), older).getThesisTitle()).isEqualTo("New name");
    }

    @Test
    void aThesisIsStrengtheningAtExactlyTheThresholdAndNotBelow() {
        // 0.5 is the threshold; the score is summed in millionths
        assertThat(fold.apply(null, impact("a", Stance.SUPPORTS, 0.5, Instant.EPOCH)).getStatus()).isEqualTo(ThesisStatus.STRENGTHENING);
        assertThat(fold.apply(null, impact("a", Stance.SUPPORTS, 0.499999, Instant.EPOCH)).getStatus()).isEqualTo(ThesisStatus.STEADY);
    }

    @Test
    void aThesisIsChallengedAtExactlyMinusTheThresholdAndNotAbove() {
        assertThat(fold.apply(null, impact("a", Stance.CHALLENGES, 0.5, Instant.EPOCH)).getStatus()).isEqualTo(ThesisStatus.CHALLENGED);
        assertThat(fold.apply(null, impact("a", Stance.CHALLENGES, 0.499999, Instant.EPOCH)).getStatus()).isEqualTo(ThesisStatus.STEADY);
    }

    @Test
    void evidenceOnBothSidesThatCancelsOutIsContestedAndOneSidedWeakEvidenceSteady() {
        ThesisState contested = fold.apply(fold.apply(null, impact("a", Stance.SUPPORTS, 0.3, Instant.EPOCH)),
                impact("b", Stance.CHALLENGES, 0.3, Instant.EPOCH));
        assertThat(contested.getScore()).isEqualTo(0.0);
        assertThat(contested.getStatus()).isEqualTo(ThesisStatus.CONTESTED);

        ThesisState weak = fold.apply(null, impact("a", Stance.SUPPORTS, 0.3, Instant.EPOCH));
        assertThat(weak.getStatus()).isEqualTo(ThesisStatus.STEADY);
        ThesisState weakAgainst = fold.apply(null, impact("a", Stance.CHALLENGES, 0.3, Instant.EPOCH));
        assertThat(weakAgainst.getStatus()).isEqualTo(ThesisStatus.STEADY);
    }

    @Test
    void statusFollowsTheScore() {
        ThesisState challenged = fold.apply(null, impact("a", Stance.CHALLENGES, 1.0, Instant.EPOCH));
        assertThat(challenged.getStatus()).isEqualTo(ThesisStatus.CHALLENGED);
        assertThat(challenged.getScore()).isEqualTo(-1.0);

        ThesisState contested = fold.apply(challenged, impact("b", Stance.SUPPORTS, 0.8, Instant.EPOCH));
        assertThat(contested.getStatus()).isEqualTo(ThesisStatus.CONTESTED);
        assertThat(contested.getScore()).isEqualTo(-0.2);

        ThesisState strengthening = fold.apply(contested, impact("c", Stance.SUPPORTS, 1.0, Instant.EPOCH));
        assertThat(strengthening.getStatus()).isEqualTo(ThesisStatus.STRENGTHENING);
        assertThat(strengthening.getScore()).isEqualTo(0.8);
        assertThat(strengthening.getLastEventTime()).isEqualTo(Instant.EPOCH);

        ThesisState review = fold.apply(null, impact("d", Stance.REVIEW, 1.0, Instant.EPOCH));
        assertThat(review.getStatus()).isEqualTo(ThesisStatus.STEADY);
        assertThat(review.getScore()).isEqualTo(0.0);
        assertThat(review.getReviews()).isEqualTo(1);
        assertThat(review.getSupports() + review.getChallenges()).isZero();
    }

    @Test
    void theSummaryOfAnImpactKeepsWhatTheStateShows() {
        ThesisImpact impact = ThesisImpact.newBuilder(impact("e", Stance.CHALLENGES, 0.75, Instant.parse("2025-03-01T00:00:00Z"), "T"))
                .setOrder(2).build();

        ImpactSummary summary = fold.apply(null, impact).getLastImpacts().get(0);

        assertThat(summary.getEventId()).isEqualTo("e");
        assertThat(summary.getStance()).isEqualTo(Stance.CHALLENGES);
        assertThat(summary.getMagnitude()).isEqualTo(0.75);
        assertThat(summary.getOrder()).isEqualTo(2);
        assertThat(summary.getEventTime()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    }

    private ThesisState foldAll(List<ThesisImpact> impacts) {
        ThesisState state = null;
        for (ThesisImpact i : impacts) {
            state = fold.apply(state, i);
        }
        return state;
    }

    private static ThesisImpact impact(String eventId, Stance stance, double magnitude, Instant time) {
        return impact(eventId, stance, magnitude, time, "T");
    }

    private static ThesisImpact impact(String eventId, Stance stance, double magnitude, Instant time, String title) {
        return ThesisImpact.newBuilder().setId(ImpactId.of(eventId, "t")).setThesisId("t").setThesisTitle(title)
                .setEventId(eventId).setEventType(EventType.OTHER).setEventTime(time).setStance(stance)
                .setMagnitude(magnitude).setOrder(1).build();
    }
}
