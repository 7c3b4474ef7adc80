package io.tip.engine.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import io.tip.engine.internal.impact.ImpactId;
import io.tip.model.EventType;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;

class ImpactBytesTest {

    /** Records the topic (the subject) it was asked to encode for, and the event of the impact. */
    private static final class Recording implements Serializer<ThesisImpact> {
        final List<String> calls = new ArrayList<>();

        @Override
        public byte[] serialize(String topic, ThesisImpact impact) {
            calls.add(topic + ":" + impact.getEventId());
            return (topic + "/" + impact.getEventId()).getBytes(StandardCharsets.UTF_8);
        }
    }

    private final Recording delegate = new Recording();
    private final ImpactBytes bytes = new ImpactBytes(delegate, "thesis-impacts");

    @Test
    void oneImpactSentToThesisImpactsAndTwoSubscriptionsIsEncodedOnce() {
        // When one impact goes to thesis-impacts, then to two subscriptions' topics
        ThesisImpact impact = impact("e1");
        byte[] first = bytes.serialize("thesis-impacts", impact);
        byte[] copyA = bytes.serialize("impacts.desk-a", impact);
        byte[] copyB = bytes.serialize("impacts.desk-b", impact);

        // Then it is encoded once, for thesis-impacts' subject, and every copy carries those bytes
        assertThat(delegate.calls).containsExactly("thesis-impacts:e1");
        assertThat(copyA).isEqualTo(first);
        assertThat(copyB).isEqualTo(first);
    }

    @Test
    void aCopyOfAnotherImpactThanTheLastIsEncodedForThesisImpactsSubject() {
        bytes.serialize("thesis-impacts", impact("e1"));

        byte[] copy = bytes.serialize("impacts.desk-a", impact("e2"));

        assertThat(delegate.calls).containsExactly("thesis-impacts:e1", "thesis-impacts:e2");
        assertThat(new String(copy, StandardCharsets.UTF_8)).isEqualTo("thesis-impacts/e2");
    }

    @Test
    void anotherImpactEqualInValueIsEncodedAgain() {
        bytes.serialize("thesis-impacts", impact("e1"));
        bytes.serialize("thesis-impacts", impact("e1"));

        assertThat(delegate.calls).containsExactly("thesis-impacts:e1", "thesis-impacts:e1");
    }

    private static ThesisImpact impact(String eventId) {
        return ThesisImpact.newBuilder().setId(ImpactId.of(eventId, "t")).setThesisId("t").setThesisTitle("T")
                .setEventId(eventId).setEventType(EventType.OTHER).setEventTime(Instant.EPOCH).setStance(Stance.SUPPORTS)
                .setMagnitude(0.5).setOrder(1).build();
    }
}
