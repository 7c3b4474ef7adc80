package io.tip.engine.internal.process;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tip.engine.PipelineListener;
import io.tip.registry.client.RegistryUnavailableException;

/**
 * Reads a table topic (theses, implications, entities) for its global store, and never throws.
 * <ul>
 * <li>A record that cannot be read — garbage, an unknown schema id, bytes that do not decode — is
 *     {@link Unreadable}: {@link TableLoader} skips it, and the listener counts and reports it.</li>
 * <li>A registry that cannot answer says nothing about the record: the read is retried with backoff
 *     until it answers, so a good row is never skipped because of an outage.</li>
 * </ul>
 * Why never throw: in Kafka Streams 4.4 a deserialization failure on the global thread, with a
 * dead-letter topic configured, casts {@code GlobalProcessorContextImpl} to
 * {@code RecordCollector.Supplier} and dies with a ClassCastException, and the whole instance cannot
 * start (KAFKA-19939 discussion in apache/kafka PR 21535; {@code GlobalDeadLetterBugTest} reproduces it).
 * No released Kafka fixes it as of 4.4: the fix is proposed by KIP-1295 (KAFKA-20280, "Dead letter queue
 * support for global store/KTable", under discussion), which makes GlobalProcessorContextImpl a
 * RecordCollector.Supplier.
 */
public final class TableRecordDeserializer<V> implements Deserializer<Object> {
    private static final Logger log = LoggerFactory.getLogger(TableRecordDeserializer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** A table record that could not be read, with the reason. */
    public record Unreadable(String reason) {
    }

    private final Deserializer<V> inner;
    private final PipelineListener listener;

    public TableRecordDeserializer(Deserializer<V> inner, PipelineListener listener) {
        this.inner = inner;
        this.listener = listener;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return headers == null ? inner.deserialize(topic, data) : inner.deserialize(topic, headers, data);
            } catch (RuntimeException | StackOverflowError e) {
                if (!DeadLetters.causedBy(e, RegistryUnavailableException.class)) {
                    String reason = DeadLetters.reason(e);
                    log.error("skipped a record of table topic {} that cannot be read ({} bytes): {}; fix it with `tip load`",
                            topic, data == null ? 0 : data.length, reason);
                    listener.tableRecordSkipped(topic, reason);
                    return new Unreadable(reason);
                }
                log.warn("cannot read table topic {} while the schema registry is unavailable; retrying in {} ms: {}",
                        topic, backoff.toMillis(), DeadLetters.reason(e));
                if (!sleep(backoff)) {
                    throw e;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static boolean sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
