package io.tip.engine;

import static io.tip.engine.Notes.thesis;
import static io.tip.engine.PipelineDriver.NOW;
import static io.tip.engine.PipelineDriver.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tip.engine.internal.impact.ImpactId;
import io.tip.model.EventType;
import io.tip.model.MarketEvent;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;

/** A re-sent event id within {@code dedupe.retention.ms} changes nothing downstream; after it, it is an event again. */
class DedupeTest {
    private static final Duration RETENTION = Duration.ofHours(1);
    private final PipelineDriver pipeline = new PipelineDriver(Map.of(EngineConfig.DEDUPE_RETENTION_MS, RETENTION.toMillis()));
    private final MarketEvent deal = event("evt-deal", EventType.ACQUISITION, "A", "B", "A buys B").build();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private void givenAThesisThatMatchesAcquisitions() {
        pipeline.load(thesis("deals").signal(Stance.SUPPORTS, "type=acquisition", "deals").build());
    }

    @Test
    void aReSendJustInsideTheRetentionIsADuplicate() {
        givenAThesisThatMatchesAcquisitions();
        pipeline.publish(deal, NOW);
        assertThat(pipeline.impacts.readValuesToList()).hasSize(1);

        pipeline.publish(deal, NOW.plus(RETENTION).minusMillis(1));

        assertThat(pipeline.impacts.isEmpty()).isTrue();
        assertThat(pipeline.state.readValuesToList()).hasSize(1); // only the first
        assertThat(pipeline.counts.duplicates).hasValue(1);
        assertThat(pipeline.counts.matched).hasValue(1);
    }

    @Test
    void aReSendWithAnEarlierTimestampInsideTheRetentionIsADuplicate() {
        givenAThesisThatMatchesAcquisitions();
        pipeline.publish(deal, NOW);
        pipeline.impacts.readValuesToList();

        pipeline.publish(deal, NOW.minus(Duration.ofMinutes(30))); // a producer with a slow clock, or an older copy

        assertThat(pipeline.impacts.isEmpty()).isTrue();
        assertThat(pipeline.counts.duplicates).hasValue(1);
    }

    @Test
    void aReSendAfterTheRetentionIsProcessedAgainWithTheSameImpactId() {
        givenAThesisThatMatchesAcquisitions();
        pipeline.publish(deal, NOW);
        List<ThesisImpact> first = pipeline.impacts.readValuesToList();

        pipeline.publish(deal, NOW.plus(RETENTION).plusMillis(1));

        List<ThesisImpact> again = pipeline.impacts.readValuesToList();
        assertThat(again).extracting(ThesisImpact::getId).containsExactly(ImpactId.of("evt-deal", "deals"));
        assertThat(again).extracting(ThesisImpact::getId).isEqualTo(first.stream().map(ThesisImpact::getId).toList());
        assertThat(pipeline.counts.duplicates).hasValue(0);
        assertThat(pipeline.counts.matched).hasValue(2);
    }

    @Test
    void manyReSendsAreEachCountedAsADuplicate() {
        givenAThesisThatMatchesAcquisitions();
        for (int i = 0; i < 4; i++) {
            pipeline.publish(deal, NOW.plusSeconds(i));
        }

        assertThat(pipeline.impacts.readValuesToList()).hasSize(1);
        assertThat(pipeline.counts.duplicates).hasValue(3);
    }

    @Test
    void anotherEventIdIsNotADuplicate() {
        givenAThesisThatMatchesAcquisitions();
        pipeline.publish(deal, NOW);
        pipeline.publish(MarketEvent.newBuilder(deal).setId("evt-deal-2").build(), NOW);

        assertThat(pipeline.impacts.readValuesToList()).extracting(ThesisImpact::getEventId).containsExactly("evt-deal", "evt-deal-2");
        assertThat(pipeline.counts.duplicates).hasValue(0);
    }

    /**
     * Unmatched events are not remembered (only events that move a thesis are): a re-sent one shows
     * in the inbox again, and once a thesis cares about it, re-sending it gives its impacts.
     */
    @Test
    void anUnmatchedEventIsNotRememberedSoAReSendAfterANewThesisGivesItsImpacts() {
        pipeline.publish(deal, NOW);
        pipeline.publish(deal, NOW.plusSeconds(1));
        assertThat(pipeline.unmatched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("evt-deal", "evt-deal");
        assertThat(pipeline.counts.unmatched).hasValue(2);
        assertThat(pipeline.counts.duplicates).hasValue(0);

        givenAThesisThatMatchesAcquisitions();
        pipeline.publish(deal, NOW.plusSeconds(2));

        assertThat(pipeline.impacts.readValuesToList()).extracting(ThesisImpact::getThesisId).containsExactly("deals");
        assertThat(pipeline.unmatched.isEmpty()).isTrue();
    }

    @Test
    void anInvalidEventIsNotRememberedSoItsCorrectedReSendGoesThrough() {
        givenAThesisThatMatchesAcquisitions();
        pipeline.publish(MarketEvent.newBuilder(deal).setActor("").build(), NOW);
        pipeline.publish(deal, NOW.plusSeconds(1));

        assertThat(pipeline.deadLetters.readRecordsToList()).hasSize(1);
        assertThat(pipeline.impacts.readValuesToList()).extracting(ThesisImpact::getEventId).containsExactly("evt-deal");
        assertThat(pipeline.counts.duplicates).hasValue(0);
    }

}
