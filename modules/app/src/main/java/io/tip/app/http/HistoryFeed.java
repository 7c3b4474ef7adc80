package io.tip.app.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tip.app.kafka.TopicFeed;
import io.tip.model.topics.Topics;

/**
 * Fills {@link ThesisHistory} and {@link Inbox} from the beginning of thesis-impacts, thesis-alerts,
 * market-events.unmatched and market-events.dlq, then follows them. One consumer for the four topics,
 * read as a downstream consumer would (read_committed, no group), so every instance has it all.
 */
final class HistoryFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HistoryFeed.class);
    /** The header Kafka Streams' dead-letter queue puts the exception message in. */
    private static final String STREAMS_ERROR_HEADER = "__streams.errors.message";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final ThesisHistory history;
    private final Inbox inbox;
    private final Thread thread;
    private volatile boolean running = true;

    HistoryFeed(Map<String, Object> kafkaSettings, Topics topics, ThesisHistory history, Inbox inbox) {
        this.consumer = new KafkaConsumer<>(TopicFeed.settings(kafkaSettings), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.history = history;
        this.inbox = inbox;
        this.thread = new Thread(this::run, "tip-history-feed");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.impacts().name(), topics.alerts().name(), topics.unmatched().name(), topics.deadLetters().name())) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::take);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the history feed stopped; the dashboard's history and inbox stay as they are", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        String topic = record.topic();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        try {
            if (topic.equals(topics.impacts().name())) {
                history.impact(topics.impacts().valueSerde().deserializer().deserialize(topic, record.headers(), record.value()));
            } else if (topic.equals(topics.alerts().name())) {
                history.alert(topics.alerts().valueSerde().deserializer().deserialize(topic, record.headers(), record.value()), at);
            } else if (topic.equals(topics.unmatched().name())) {
                inbox.unmatched(topics.unmatched().valueSerde().deserializer().deserialize(topic, record.headers(), record.value()), at);
            } else {
                inbox.deadLetter(text(record.key()), reason(record), at);
            }
        } catch (RuntimeException e) {
            // A record of a schema this version cannot read: the pipeline's outputs are not ours to judge, so count and go on.
            if (inbox.unreadable() == 0) {
                log.warn("cannot read a record of {} for the dashboard (skipped; GET /api/inbox counts them): {}", topic, e.getMessage());
            }
            inbox.countUnreadable();
        }
    }

    private static String reason(ConsumerRecord<byte[], byte[]> record) {
        Header reason = record.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER);
        if (reason == null) {
            reason = record.headers().lastHeader(STREAMS_ERROR_HEADER);
        }
        return reason == null ? "(no reason given)" : text(reason.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
