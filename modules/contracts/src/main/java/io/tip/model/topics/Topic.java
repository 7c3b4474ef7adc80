package io.tip.model.topics;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;

/**
 * One Kafka topic of the pipeline: its name, how keys and values are (de)serialized, how the topic
 * is created when it does not exist yet, and what it holds.
 *
 * @param valueSchema the Avro record its values follow, or null when values are raw bytes
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Retention retention, String valueSchema, String doc) {

    /** How records are kept: a stream of events, or a table where only the newest value per key matters. */
    public enum Retention {
        DELETE, COMPACT;

        public Map<String, String> topicConfig() {
            return this == COMPACT ? Map.of("cleanup.policy", "compact") : Map.of("cleanup.policy", "delete");
        }
    }

    public boolean compacted() {
        return retention == Retention.COMPACT;
    }

    /** A value from the bytes a record of this topic holds (a store that keeps those bytes, say), by this topic's serde. */
    public V decode(byte[] bytes) {
        return valueSerde.deserializer().deserialize(name, bytes);
    }

    /** The bytes a record of this topic holds for this value, by this topic's serde. */
    public byte[] encode(V value) {
        return valueSerde.serializer().serialize(name, value);
    }
}
