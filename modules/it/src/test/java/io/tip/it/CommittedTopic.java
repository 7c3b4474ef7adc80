package io.tip.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import io.tip.model.topics.Topic;

/**
 * What an alerting consumer sees on one topic: a read_committed consumer, without a group, that
 * keeps every record it has read. {@link #catchUp()} reads up to the last stable offset, so a test
 * can await a count without re-reading the topic each time.
 */
final class CommittedTopic<K, V> implements AutoCloseable {
    private final String name;
    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> records = new ArrayList<>();
    private List<TopicPartition> partitions = List.of();

    private CommittedTopic(Map<String, Object> client, String name, Deserializer<K> keys, Deserializer<V> values) {
        this.name = name;
        Map<String, Object> settings = io.tip.app.kafka.ClientSettings.consumer(client);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(settings, keys, values);
    }

    /** Typed by the topic's own serdes, as tip's consumers read it. */
    static <K, V> CommittedTopic<K, V> of(String bootstrapServers, Topic<K, V> topic) {
        return of(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
    }

    /** As {@link #of(String, Topic)}, connecting with {@code client}'s settings (a secured cluster's credentials). */
    static <K, V> CommittedTopic<K, V> of(Map<String, Object> client, Topic<K, V> topic) {
        return new CommittedTopic<>(client, topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    /** Raw bytes, as a consumer that knows nothing about tip reads it (headers included). */
    static CommittedTopic<byte[], byte[]> raw(String bootstrapServers, String topic) {
        return new CommittedTopic<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /**
     * Reads every record committed so far; returns all records read since the start. Fails, rather
     * than returning what it has, when the topic does not exist or cannot be read to its end in
     * time: a partial read would let a test that expects nothing pass without reading anything.
     */
    synchronized List<ConsumerRecord<K, V>> catchUp() {
        if (partitions.isEmpty()) {
            List<PartitionInfo> infos = consumer.partitionsFor(name, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new AssertionError("topic " + name + " does not exist: nothing to read");
            }
            partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + name + " to its last stable offsets " + end + " within 30 s; read "
                        + records.size() + " records");
            }
            for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                records.add(record);
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** The values read so far (tombstones left out). */
    List<V> values() {
        return catchUp().stream().map(ConsumerRecord::value).filter(Objects::nonNull).toList();
    }

    /** The topic as a table: the newest value per key, a tombstone removing the key. */
    Map<K, V> latestByKey() {
        Map<K, V> table = new LinkedHashMap<>();
        for (ConsumerRecord<K, V> record : catchUp()) {
            if (record.value() == null) {
                table.remove(record.key());
            } else {
                table.put(record.key(), record.value());
            }
        }
        return table;
    }

    /** How many times each id occurs among the values: a duplicate shows as a count above 1. */
    <I> Map<I, Integer> countBy(Function<V, I> id) {
        Map<I, Integer> counts = new HashMap<>();
        values().forEach(v -> counts.merge(id.apply(v), 1, Integer::sum));
        return counts;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
