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
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.ThesisStatus;

class ThesisStateFoldTest {
    private final ThesisStateFold fold = new ThesisStateFold(5, 0.5);

    @RepeatedTest(20)
    void theSameImpactsInAnyOrderGiveTheSameState() {
        // Given thirty impacts with awkward magnitudes and colliding event times
        List<ThesisImpact> impacts = new ArrayList<>();
        Random random = new Random();
        for (int i = 0; i < 30; i++) {
            impacts.add(impact("e" + i, Stance.values()[i % 3], 0.1 + (i % 7) * 0.0333, Instant.ofEpochSecond(1_700_000_000L + i % 4)));
        }
        ThesisState inOrder = foldAll(impacts);

        // When they arrive shuffled
        List<ThesisImpact> shuffled = new ArrayList<>(impacts);
        Collections.shuffle(shuffled, random);

        // Then the state is equal, field for field
        assertThat(foldAll(shuffled)).isEqualTo(inOrder);
        assertThat(inOrder.getLastImpacts()).hasSize(5);
        assertThat(inOrder.getSupports() + inOrder.getChallenges() + inOrder.getReviews()).isEqualTo(30);
    }

    @Test
    void statusFollowsTheScore() {
        ThesisState challenged = fold.apply(null, impact("a", Stance.CHALLENGES, 1.0, Instant.EPOCH));
        assertThat(challenged.getStatus()).isEqualTo(ThesisStatus.CHALLENGED);
        assertThat(challenged.getScore()).isEqualTo(-1.0);

        ThesisState contested = fold.apply(challenged, impact("b", Stance.SUPPORTS, 0.8, Instant.EPOCH));
        assertThat(contested.getStatus()).isEqualTo(ThesisStatus.CONTESTED);

        ThesisState strengthening = fold.apply(contested, impact("c", Stance.SUPPORTS, 1.0, Instant.EPOCH));
        assertThat(strengthening.getStatus()).isEqualTo(ThesisStatus.STRENGTHENING);
        assertThat(strengthening.getScore()).isEqualTo(0.8);

        ThesisState review = fold.apply(null, impact("d", Stance.REVIEW, 1.0, Instant.EPOCH));
        assertThat(review.getStatus()).isEqualTo(ThesisStatus.STEADY);
        assertThat(review.getReviews()).isEqualTo(1);
    }

    private ThesisState foldAll(List<ThesisImpact> impacts) {
        ThesisState state = null;
        for (ThesisImpact i : impacts) {
            state = fold.apply(state, i);
        }
        return state;
    }

    private static ThesisImpact impact(String eventId, Stance stance, double magnitude, Instant time) {
        return ThesisImpact.newBuilder().setId(ImpactId.of(eventId, "t")).setThesisId("t").setThesisTitle("T")
                .setEventId(eventId).setEventType(EventType.OTHER).setEventTime(time).setStance(stance)
                .setMagnitude(magnitude).setOrder(1).build();
    }
}
