package io.tip.engine;

import static io.tip.engine.Notes.implication;
import static io.tip.engine.Notes.thesis;
import static io.tip.engine.PipelineDriver.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tip.engine.internal.process.MarketEventProcessor;
import io.tip.model.EventType;
import io.tip.model.Polarity;
import io.tip.model.Stance;
import io.tip.model.Subscription;
import io.tip.model.ThesisImpact;

/** Impacts a subscription wants are copied to impacts.NAME, in the pipeline's own transaction. */
class SubscriptionRoutingTest {
    private final PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private void givenTwoThesesOneTagged() {
        pipeline.load(thesis("chips").tags("semis").signal(Stance.CHALLENGES, "type=acquisition", "consolidation").build(),
                thesis("cloud").signal(Stance.SUPPORTS, "type=acquisition", "more capacity", 0.3).build(),
                thesis("downstream").build());
        pipeline.load(implication("chips", "downstream", Polarity.INVERSE));
    }

    private static Subscription.Builder subscription(String name) {
        return Subscription.newBuilder().setName(name).setCreatedAt(java.time.Instant.EPOCH);
    }

    @Test
    void eachMatchingSubscriptionGetsOneCopyAndOthersNothing() {
        givenTwoThesesOneTagged();
        pipeline.load(subscription("semis-desk").setTags(List.of("semis")).build(),
                subscription("cloud-only").setTheses(List.of("cloud")).build(),
                subscription("strong-direct").setMinMagnitude(0.5).setMaxOrder(1).build(),
                subscription("supports").setStances(List.of(Stance.SUPPORTS)).build());

        pipeline.publish(event("e", EventType.ACQUISITION, "A", "B", "A buys B").build());

        assertThat(pipeline.impacts.readValuesToList()).extracting(ThesisImpact::getThesisId)
                .containsExactlyInAnyOrder("chips", "cloud", "downstream");
        assertThat(pipeline.subscription("semis-desk").readValuesToList()).extracting(ThesisImpact::getThesisId).containsExactly("chips");
        assertThat(pipeline.subscription("cloud-only").readValuesToList()).extracting(ThesisImpact::getThesisId).containsExactly("cloud");
        assertThat(pipeline.subscription("strong-direct").readValuesToList()).extracting(ThesisImpact::getThesisId).containsExactly("chips");
        assertThat(pipeline.subscription("supports").readValuesToList()).extracting(ThesisImpact::getThesisId)
                .containsExactlyInAnyOrder("cloud", "downstream");
    }

    @Test
    void theCopyIsKeyedByThesisAndNamesItsSubscription() {
        givenTwoThesesOneTagged();
        pipeline.load(subscription("semis-desk").setTags(List.of("SEMIS")).build());

        pipeline.publish(event("e", EventType.ACQUISITION, "A", "B", "A buys B").build());

        TestRecord<String, ThesisImpact> copy = pipeline.subscription("semis-desk").readRecord();
        assertThat(copy.key()).isEqualTo("chips");
        assertThat(new String(copy.headers().lastHeader(MarketEventProcessor.SUBSCRIPTION_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("semis-desk");
    }

    @Test
    void aChangedOrDeletedSubscriptionAppliesToTheNextEvent() {
        givenTwoThesesOneTagged();
        pipeline.load(subscription("desk").setTheses(List.of("chips")).build());
        pipeline.publish(event("e1", EventType.ACQUISITION, "A", "B", "A buys B").build());
        assertThat(pipeline.subscription("desk").readValuesToList()).extracting(ThesisImpact::getThesisId).containsExactly("chips");

        pipeline.load(subscription("desk").setTheses(List.of("cloud")).build());
        pipeline.publish(event("e2", EventType.ACQUISITION, "C", "D", "C buys D").build());
        assertThat(pipeline.subscription("desk").readValuesToList()).extracting(ThesisImpact::getThesisId).containsExactly("cloud");

        pipeline.subscriptions.pipeInput("desk", null);
        pipeline.publish(event("e3", EventType.ACQUISITION, "E", "F", "E buys F").build());
        assertThat(pipeline.subscription("desk").isEmpty()).isTrue();
        assertThat(pipeline.impacts.readValuesToList()).hasSize(9);
    }
}
