package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.engine.EventHistory;
import io.tip.model.MarketEvent;

/**
 * {@link EventHistory} reads on a thread of its own, ahead of the caller: the records still reach
 * the sink in offset order per partition, every one once, within the range taken at the start, and a
 * sink that fails ends the read with its own exception.
 */
class EventHistoryTest {

    @Test
    void everyRecordOfTheRangeReachesTheSinkOnceInOffsetOrderPerPartition(@TempDir Path dir) throws Exception {
        try (TestStack stack = TestStack.start(dir)) {
            // Given 12,000 events over 3 partitions (several polls' worth), then the history is opened
            createMarketEvents(stack, 3);
            List<MarketEvent> events = DeskEvents.alternating("evt-h", 12_000);
            try (EventProducer producer = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents())) {
                producer.sendAll(events);
            }
            try (EventHistory history = open(stack);
                 EventProducer later = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents())) {
                // and an event appended after the history was opened
                later.sendAll(DeskEvents.alternating("evt-late", 1));

                // When it is read
                Map<String, Integer> seen = new HashMap<>();
                List<String> order = new ArrayList<>();
                history.read((key, event, timestamp) -> {
                    seen.merge(event.getId(), 1, Integer::sum);
                    order.add(key);
                });

                // Then each event arrives once, the later one not at all, and per partition in the order it was sent
                assertThat(history.total()).isEqualTo(12_000);
                assertThat(seen).hasSize(12_000).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
                assertThat(seen).doesNotContainKey("evt-late-0");
                Map<Integer, List<String>> sentPerPartition = new HashMap<>();
                Map<Integer, List<String>> readPerPartition = new HashMap<>();
                events.forEach(e -> sentPerPartition.computeIfAbsent(partitionOf(e.getId(), 3), p -> new ArrayList<>()).add(e.getId()));
                order.forEach(key -> readPerPartition.computeIfAbsent(partitionOf(key, 3), p -> new ArrayList<>()).add(key));
                assertThat(readPerPartition).isEqualTo(sentPerPartition);
            }
        }
    }

    @Test
    void aSinkThatFailsEndsTheReadWithItsOwnException(@TempDir Path dir) throws Exception {
        try (TestStack stack = TestStack.start(dir)) {
            // Given 12,000 events
            createMarketEvents(stack, 2);
            try (EventProducer producer = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents())) {
                producer.sendAll(DeskEvents.alternating("evt-f", 12_000));
            }
            try (EventHistory history = open(stack)) {
                // When the sink fails on the 100th record
                int[] calls = {0};
                assertThatThrownBy(() -> history.read((key, event, timestamp) -> {
                    if (++calls[0] == 100) {
                        throw new IllegalStateException("disk full");
                    }
                }))
                        // Then that failure is what read throws, and no record reached the sink after it
                        .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
                assertThat(calls[0]).isEqualTo(100);
                // and the thread that read ahead has stopped
                assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("tip-history-reader") && t.isAlive());
            }
        }
    }

    private static EventHistory open(TestStack stack) {
        return new EventHistory(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                stack.topics().marketEvents(), null, null);
    }

    private static void createMarketEvents(TestStack stack, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(stack.topics().marketEvents().name(), partitions, (short) 1))).all().get();
        }
    }

    /** The default partitioner's choice for a string key (murmur2 of its UTF-8 bytes). */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
