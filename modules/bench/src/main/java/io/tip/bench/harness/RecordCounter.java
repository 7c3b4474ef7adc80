package io.tip.bench.harness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records an application wrote: its output topics and its own internal
 * topics (changelogs), read to the end after the run. Transaction markers are not records, so
 * offsets alone would over-count under exactly-once.
 */
final class RecordCounter {
    private RecordCounter() {
    }

    /** Records and bytes (keys and values) written to each topic. */
    record Written(long records, long bytes, java.util.Map<String, Long> bytesByTopic) {
    }

    static Written written(String bootstrapServers, Admin admin, String applicationId, List<String> outputs) {
        try {
            Set<String> names = admin.listTopics().names().get();
            List<String> topics = new java.util.ArrayList<>(outputs);
            names.stream().filter(n -> n.startsWith(applicationId + "-")).forEach(topics::add);
            return count(bootstrapServers, admin, topics);
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the records " + applicationId + " wrote: " + e.getMessage(), e);
        }
    }

    /** Records committed to these topics, read to their end. */
    static long records(String bootstrapServers, Admin admin, List<String> topics) {
        try {
            return count(bootstrapServers, admin, topics).records();
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the records of " + topics.size() + " topics: " + e.getMessage(), e);
        }
    }

    private static Written count(String bootstrapServers, Admin admin, List<String> topics) throws Exception {
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, d) ->
                d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long records = 0;
            long bytes = 0;
            java.util.Map<String, Long> byTopic = new java.util.TreeMap<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    long size = Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
                    records++;
                    bytes += size;
                    byTopic.merge(record.topic(), size, Long::sum);
                }
            }
            return new Written(records, bytes, byTopic);
        }
    }
}
