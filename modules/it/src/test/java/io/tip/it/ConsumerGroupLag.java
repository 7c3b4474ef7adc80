package io.tip.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group (a pipeline's application.id) is behind on a topic: 0 once it has processed everything. */
final class ConsumerGroupLag implements AutoCloseable {
    private final Admin admin;

    ConsumerGroupLag(String bootstrapServers) {
        this(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Connecting with {@code client}'s settings (a secured cluster's credentials). */
    ConsumerGroupLag(Map<String, Object> client) {
        this.admin = Admin.create(io.tip.app.kafka.ClientSettings.admin(client));
    }

    /** Records of {@code topic} not yet committed as processed by {@code group}. */
    long lag(String group, String topic) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((p, info) -> end.put(p, info.offset()));
            long lag = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata c = committed.get(p);
                lag += end.get(p) - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of group " + group + ": " + e.getCause(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
