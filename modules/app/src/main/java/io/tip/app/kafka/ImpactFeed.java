package io.tip.app.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topic;

/**
 * Follows thesis-impacts as an alerting consumer would: read_committed, so only impacts of
 * committed transactions are seen. It reads every partition without a consumer group, so watching
 * never takes work or offsets from anyone.
 */
public final class ImpactFeed implements AutoCloseable {
    private final KafkaConsumer<String, ThesisImpact> consumer;
    private final List<TopicPartition> partitions;

    public ImpactFeed(Map<String, Object> kafkaSettings, Topic<String, ThesisImpact> topic, boolean fromBeginning) {
        Map<String, Object> settings = ClientSettings.consumer(kafkaSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(settings, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name());
        partitions = infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
    }

    /** Waits up to {@code timeout} for impacts and hands each to {@code sink}; returns how many. */
    public int poll(Duration timeout, Consumer<ThesisImpact> sink) {
        int n = 0;
        for (ConsumerRecord<String, ThesisImpact> record : consumer.poll(timeout)) {
            if (record.value() != null) {
                sink.accept(record.value());
                n++;
            }
        }
        return n;
    }

    /** True once every impact committed so far has been read. */
    public boolean caughtUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
