package io.tip.engine.internal.process;

import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import io.tip.model.ThesisImpact;

/**
 * Serializes an impact once however many topics it goes to: thesis-impacts, then the topic of each
 * subscription that wants it, which gets the very same bytes — the same schema, under
 * thesis-impacts' schema id. {@link MarketEventProcessor} forwards one instance to those sinks one
 * after the other and never changes it, so the last instance and its bytes are kept per stream
 * thread (the sinks' serializers are shared by every task).
 *
 * <p>Encoding a copy under its own topic's subject would register that subject from the stream
 * thread the first time: one registry round trip and {@code _schemas} write per subscription. With
 * 1,000 subscriptions that held the pipeline at ~1,400 events/s against ~25,000 without any
 * ({@code tip bench --theses 1000 --events 50000 --subscriptions 1000}, BENCHMARKS.md). {@code tip
 * subscribe create} registers the schema under the subscription topic's subject instead, once,
 * for tools that look subjects up; consumers need only the id the bytes carry.
 */
public final class ImpactBytes implements Serializer<ThesisImpact> {
    private static final class Last {
        ThesisImpact impact;
        byte[] bytes;
    }

    private final Serializer<ThesisImpact> delegate;
    private final String impactsTopic;
    private final ThreadLocal<Last> last = ThreadLocal.withInitial(Last::new);

    /** {@code impactsTopic}: the topic (and so the subject) every impact is encoded for. */
    public ImpactBytes(Serializer<ThesisImpact> delegate, String impactsTopic) {
        this.delegate = delegate;
        this.impactsTopic = impactsTopic;
    }

    @Override
    public byte[] serialize(String topic, ThesisImpact impact) {
        return serialize(topic, null, impact);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, ThesisImpact impact) {
        Last previous = last.get();
        if (impact != null && impact == previous.impact && !topic.equals(impactsTopic)) {
            return previous.bytes; // the producer copies the value into its batch, so sharing the array is safe
        }
        byte[] bytes = delegate.serialize(impactsTopic, impact);
        previous.impact = impact;
        previous.bytes = bytes;
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
