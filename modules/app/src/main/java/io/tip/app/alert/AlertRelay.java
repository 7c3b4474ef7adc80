package io.tip.app.alert;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tip.app.kafka.ClientSettings;
import io.tip.model.topics.Topic;

/**
 * Reads a topic of alerts (or a subscription's impacts) in its own consumer group and hands every
 * record to the webhook, in order per partition. A record's offset is committed only once it was
 * delivered or written to the dead-letter topic, so a crash re-sends it (the receiver dedupes by
 * Idempotency-Key) and never skips one.
 */
public final class AlertRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertRelay.class);
    public static final String REASON_HEADER = "tip.reason";

    /** Counts for the progress line. */
    public record Counts(long delivered, long deadLettered) {
    }

    private final Topic<String, ?> source;
    private final String deadLetterTopic;
    private final AlertMessage.Format format;
    private final WebhookDelivery delivery;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Deserializer<?> values;
    private long delivered;
    private long deadLettered;

    public AlertRelay(Map<String, Object> kafkaSettings, AlertConfig config, String groupId, Topic<String, ?> source,
                      String deadLetterTopic, URI webhook, AlertMessage.Format format, byte[] secret, BooleanSupplier stopping) {
        this.source = source;
        this.deadLetterTopic = deadLetterTopic;
        this.format = format;
        this.values = source.valueSerde().deserializer();
        this.delivery = new WebhookDelivery(new WebhookSender(webhook, config.requestTimeout(), secret),
                new Backoff(config.initialBackoff(), config.maxBackoff(), Math::random), config.maxAttempts(), stopping);
        Map<String, Object> consumerSettings = ClientSettings.consumer(kafkaSettings);
        consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumerSettings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the oldest alert: nothing published before the first start is skipped.
        consumerSettings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerSettings.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        // One record may spend all its tries backing off; the group must not drop the consumer meanwhile.
        long worstCase = (config.maxBackoff().toMillis() + config.requestTimeout().toMillis()) * config.maxAttempts() * 2;
        consumerSettings.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, Math.max(300_000L, worstCase)));
        this.consumer = new KafkaConsumer<>(consumerSettings, source.keySerde().deserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerSettings = ClientSettings.producer(kafkaSettings);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.deadLetters = new KafkaProducer<>(producerSettings, new ByteArraySerializer(), new ByteArraySerializer());
        consumer.subscribe(List.of(source.name()));
    }

    /** Polls once and works through what came; returns false when a shutdown stopped it midway. */
    public boolean pollOnce(Duration timeout) throws InterruptedException {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (!handle(record)) {
                return false;
            }
        }
        return true;
    }

    private boolean handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.value() == null) {
            commit(partition, record.offset());
            return true; // nothing to send
        }
        WebhookDelivery.Result result;
        try {
            AlertMessage message = AlertMessage.of(values.deserialize(record.topic(), record.headers(), record.value()), format);
            result = delivery.deliver(message.id(), message.body());
        } catch (RuntimeException e) {
            result = new WebhookDelivery.Result(false, 0, "unreadable record: " + e.getMessage());
        }
        if (result == null) {
            return false; // stopping: neither delivered nor dead-lettered, so not committed; the next start sends it
        }
        if (result.delivered()) {
            delivered++;
        } else {
            deadLetter(record, result.reason());
            deadLettered++;
        }
        commit(partition, record.offset());
        return true;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("{}-{}@{}: not delivered ({}); sent to {}", record.topic(), record.partition(), record.offset(), reason, deadLetterTopic);
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("tip.source.topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("tip.source.partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("tip.source.offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        try {
            deadLetters.send(new ProducerRecord<>(deadLetterTopic, null, key, record.value(), headers)).get();
        } catch (ExecutionException e) {
            // Not committed either: the record is tried again after a restart rather than lost.
            throw new IllegalStateException("cannot write to " + deadLetterTopic + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
    }

    private void commit(TopicPartition partition, long offset) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        offsets.put(partition, new OffsetAndMetadata(offset + 1));
        consumer.commitSync(offsets);
    }

    public Counts counts() {
        return new Counts(delivered, deadLettered);
    }

    public String sourceName() {
        return source.name();
    }

    @Override
    public void close() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } finally {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }
}
