package io.tip.app.kafka;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.tip.model.MarketEvent;
import io.tip.model.topics.Topic;

/** Publishes market events keyed by their id, idempotently and acknowledged by all replicas. */
public final class EventPublisher implements AutoCloseable {
    private final KafkaProducer<String, MarketEvent> producer;
    private final Topic<String, MarketEvent> topic;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public EventPublisher(Map<String, Object> kafkaSettings, Topic<String, MarketEvent> topic) {
        Map<String, Object> settings = ClientSettings.producer(kafkaSettings);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(settings, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.topic = topic;
    }

    /**
     * Sends one event; the future completes when Kafka acknowledged it (all in-sync replicas) or
     * failed for good. Throws at once when the topic's metadata cannot be had within max.block.ms.
     */
    public CompletableFuture<RecordMetadata> send(MarketEvent event) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic.name(), event.getId(), event), (meta, e) -> {
            if (e != null) {
                acked.completeExceptionally(e);
            } else {
                acked.complete(meta);
            }
        });
        return acked;
    }

    public void publish(MarketEvent event) {
        rethrow();
        producer.send(new ProducerRecord<>(topic.name(), event.getId(), event), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Waits until every event sent so far is acknowledged. */
    public void flush() {
        producer.flush();
        rethrow();
    }

    private void rethrow() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("publishing to " + topic.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
