package io.tip.app.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import io.tip.model.topics.Topic;

/**
 * Reads a topic as a downstream consumer would: read_committed, so only records of committed
 * transactions are seen. It reads every partition without a consumer group, so watching or
 * reading a table never takes work or offsets from anyone.
 */
public final class TopicFeed<V> implements AutoCloseable {
    private final KafkaConsumer<String, V> consumer;
    private final List<TopicPartition> partitions;

    public TopicFeed(Map<String, Object> kafkaSettings, Topic<String, V> topic, boolean fromBeginning) {
        consumer = new KafkaConsumer<>(settings(kafkaSettings), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name());
        partitions = infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
    }

    /** Moves to the first record appended at or after {@code time} (the end where there is none). */
    public void seekTo(Instant time) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp found = offsets.get(p);
            consumer.seek(p, found == null ? end.get(p) : found.offset());
        }
    }

    /** Consumer settings of a downstream reader: read_committed, no consumer group, no commits. */
    public static Map<String, Object> settings(Map<String, Object> kafkaSettings) {
        Map<String, Object> settings = ClientSettings.consumer(kafkaSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return settings;
    }

    /** Waits up to {@code timeout} and hands every record to {@code sink}, tombstones (null values) included. */
    public void poll(Duration timeout, BiConsumer<String, V> sink) {
        records(timeout, record -> sink.accept(record.key(), record.value()));
    }

    /** Like {@link #poll(Duration, BiConsumer)}, whole records: for readers that need the timestamp too. */
    public void records(Duration timeout, Consumer<ConsumerRecord<String, V>> sink) {
        for (ConsumerRecord<String, V> record : consumer.poll(timeout)) {
            sink.accept(record);
        }
    }

    /** Like {@link #poll(Duration, BiConsumer)}, values only: for streams of events, where a tombstone means nothing. */
    public void values(Duration timeout, Consumer<V> sink) {
        poll(timeout, (key, value) -> {
            if (value != null) {
                sink.accept(value);
            }
        });
    }

    /** True once every record committed so far has been read. */
    public boolean caughtUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
