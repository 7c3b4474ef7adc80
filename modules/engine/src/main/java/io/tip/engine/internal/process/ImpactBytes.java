package io.tip.engine.internal.process;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import io.tip.model.ThesisImpact;

/**
 * Serializes an impact once however many topics it goes to: thesis-impacts, then the topic of each
 * subscription that wants it. {@link MarketEventProcessor} forwards the same instance to those sinks
 * one after the other and never changes it, so the last instance and its bytes are kept per stream
 * thread (the sinks' serializers are shared by every task). The bytes are reused for another topic
 * only when that topic's schema id — learnt from the first record serialized for it — is the one
 * they carry, so a subscription topic whose subject holds another id still gets its own.
 */
public final class ImpactBytes implements Serializer<ThesisImpact> {
    private static final class Last {
        ThesisImpact impact;
        byte[] bytes;
        int schemaId;
    }

    private final Serializer<ThesisImpact> delegate;
    private final Map<String, Integer> schemaIdByTopic = new ConcurrentHashMap<>();
    private final ThreadLocal<Last> last = ThreadLocal.withInitial(Last::new);

    public ImpactBytes(Serializer<ThesisImpact> delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] serialize(String topic, ThesisImpact impact) {
        return serialize(topic, null, impact);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, ThesisImpact impact) {
        Last previous = last.get();
        Integer known = schemaIdByTopic.get(topic);
        if (impact != null && impact == previous.impact && known != null && known == previous.schemaId) {
            return previous.bytes; // the producer copies the value into its batch, so sharing the array is safe
        }
        byte[] bytes = headers == null ? delegate.serialize(topic, impact) : delegate.serialize(topic, headers, impact);
        if (bytes == null || bytes.length < 5) {
            return bytes;
        }
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt(); // Confluent's wire format: magic byte, schema id, Avro body
        schemaIdByTopic.putIfAbsent(topic, schemaId);
        previous.impact = impact;
        previous.bytes = bytes;
        previous.schemaId = schemaId;
        return bytes;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
