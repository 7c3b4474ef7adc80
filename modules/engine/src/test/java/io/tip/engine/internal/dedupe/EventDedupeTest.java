package io.tip.engine.internal.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tip.engine.internal.dedupe.EventDedupe.Route;

/** The dedupe decision the topology and offline evaluation share, on the in-memory seen-events of offline runs. */
class EventDedupeTest {
    private static final long DAY = 86_400_000L;
    private final EventDedupe dedupe = new EventDedupe(7 * DAY, EventDedupe.inMemory());

    @Test
    void anEventThatMovesNothingIsUnmatchedAndNotRemembered() {
        assertThat(dedupe.route("e1", false, 0)).isEqualTo(Route.UNMATCHED);
        assertThat(dedupe.route("e1", true, 0)).isEqualTo(Route.MATCHED);
    }

    @Test
    void aReSentEventIsADuplicateOnlyOnceItsImpactsWereSent() {
        assertThat(dedupe.route("e1", true, 0)).isEqualTo(Route.MATCHED);
        assertThat(dedupe.route("e1", true, 1_000)).as("not yet marked sent").isEqualTo(Route.MATCHED);
        dedupe.sent("e1", 0);
        assertThat(dedupe.route("e1", true, 1_000)).isEqualTo(Route.DUPLICATE);
        assertThat(dedupe.route("e2", true, 1_000)).isEqualTo(Route.MATCHED);
    }

    @Test
    void theRetentionHoldsEitherSideOfTheRecordTime() {
        dedupe.sent("e1", 10 * DAY);
        assertThat(dedupe.route("e1", true, 17 * DAY)).isEqualTo(Route.DUPLICATE);
        assertThat(dedupe.route("e1", true, 3 * DAY)).isEqualTo(Route.DUPLICATE);
        assertThat(dedupe.route("e1", true, 17 * DAY + 1)).isEqualTo(Route.MATCHED);
        assertThat(dedupe.route("e1", true, 3 * DAY - 1)).isEqualTo(Route.MATCHED);
        dedupe.sent("e1", 30 * DAY);
        assertThat(dedupe.route("e1", true, 12 * DAY)).as("the first time is still remembered").isEqualTo(Route.DUPLICATE);
        assertThat(dedupe.route("e1", true, 31 * DAY)).isEqualTo(Route.DUPLICATE);
    }
}
