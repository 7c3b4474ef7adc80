package io.tip.engine.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import io.tip.engine.internal.impact.ImpactId;
import io.tip.model.EventType;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;

class ImpactBytesTest {

    /** Writes the wire format with a schema id per topic, and records what it was asked to encode. */
    private static final class Recording implements Serializer<ThesisImpact> {
        final List<String> calls = new ArrayList<>();
        final Map<String, Integer> ids;

        Recording(Map<String, Integer> ids) {
            this.ids = ids;
        }

        @Override
        public byte[] serialize(String topic, ThesisImpact impact) {
            calls.add(topic + ":" + impact.getEventId());
            byte[] body = impact.getEventId().getBytes();
            return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(ids.getOrDefault(topic, 1)).put(body).array();
        }
    }

    @Test
    void oneImpactSentToThesisImpactsAndTwoSubscriptionsIsEncodedOnce() {
        // Given the impacts' serializer and subscription topics whose subjects hold the same schema
        Recording delegate = new Recording(Map.of());
        ImpactBytes bytes = new ImpactBytes(delegate);
        bytes.serialize("impacts.warm-up-a", impact("e0"));
        bytes.serialize("impacts.warm-up-b", impact("e0"));
        bytes.serialize("thesis-impacts", impact("e0"));
        delegate.calls.clear();

        // When one impact goes to thesis-impacts, then to two subscriptions' topics
        ThesisImpact impact = impact("e1");
        byte[] first = bytes.serialize("thesis-impacts", impact);
        byte[] copyA = bytes.serialize("impacts.warm-up-a", impact);
        byte[] copyB = bytes.serialize("impacts.warm-up-b", impact);

        // Then it is encoded once and every copy carries the same bytes
        assertThat(delegate.calls).containsExactly("thesis-impacts:e1");
        assertThat(copyA).isEqualTo(first);
        assertThat(copyB).isEqualTo(first);
    }

    @Test
    void anotherImpactEqualInValueIsEncodedAgain() {
        Recording delegate = new Recording(Map.of());
        ImpactBytes bytes = new ImpactBytes(delegate);
        bytes.serialize("thesis-impacts", impact("e1"));
        bytes.serialize("thesis-impacts", impact("e1"));
        assertThat(delegate.calls).containsExactly("thesis-impacts:e1", "thesis-impacts:e1");
    }

    @Test
    void aTopicWhoseSubjectHoldsAnotherSchemaIdGetsItsOwnEncoding() {
        // Given a subscription topic whose subject gives the impact's schema another id
        Recording delegate = new Recording(Map.of("impacts.other", 7));
        ImpactBytes bytes = new ImpactBytes(delegate);
        ThesisImpact impact = impact("e1");
        bytes.serialize("thesis-impacts", impact);

        // When the impact is copied there, twice over two impacts
        byte[] copy = bytes.serialize("impacts.other", impact);
        ThesisImpact next = impact("e2");
        bytes.serialize("thesis-impacts", next);
        byte[] nextCopy = bytes.serialize("impacts.other", next);

        // Then each copy was encoded for that topic, with its id
        assertThat(delegate.calls).containsExactly("thesis-impacts:e1", "impacts.other:e1", "thesis-impacts:e2", "impacts.other:e2");
        assertThat(ByteBuffer.wrap(copy, 1, 4).getInt()).isEqualTo(7);
        assertThat(ByteBuffer.wrap(nextCopy, 1, 4).getInt()).isEqualTo(7);
    }

    private static ThesisImpact impact(String eventId) {
        return ThesisImpact.newBuilder().setId(ImpactId.of(eventId, "t")).setThesisId("t").setThesisTitle("T")
                .setEventId(eventId).setEventType(EventType.OTHER).setEventTime(Instant.EPOCH).setStance(Stance.SUPPORTS)
                .setMagnitude(0.5).setOrder(1).build();
    }
}
