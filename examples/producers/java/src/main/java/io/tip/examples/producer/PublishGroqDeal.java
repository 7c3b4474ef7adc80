package io.tip.examples.producer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.tip.model.EventType;
import io.tip.model.MarketEvent;
import io.tip.model.ModelClasses;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;

/**
 * A producer of market events with nothing but {@code tip-contracts}: the generated
 * {@link MarketEvent}, the topic catalogue (topic name, key and value serdes in Confluent's wire
 * format, subject {@code market-events-value}) and kafka-clients.
 * <pre>
 * java -cp … io.tip.examples.producer.PublishGroqDeal localhost:9092 http://localhost:8081 [event-id]
 * </pre>
 */
public final class PublishGroqDeal {
    private PublishGroqDeal() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PublishGroqDeal BOOTSTRAP_SERVERS SCHEMA_REGISTRY_URL [EVENT_ID]");
            System.exit(2);
        }
        RecordMetadata written = publish(args[0], args[1], args.length > 2 ? args[2] : "evt-nvda-groq");
        System.out.printf("published to %s-%d at offset %d%n", written.topic(), written.partition(), written.offset());
    }

    /** Publishes the NVIDIA–Groq deal under {@code eventId} and waits until Kafka acknowledged it. */
    public static RecordMetadata publish(String bootstrapServers, String registryUrl, String eventId) throws Exception {
        ModelClasses.trust(); // Avro 1.12 loads only trusted classes
        Topic<String, MarketEvent> events = Topics.create("", Map.of("schema.registry.url", registryUrl)).marketEvents();
        MarketEvent deal = MarketEvent.newBuilder()
                .setId(eventId) // stable for the same news: a re-send is then deduped by the pipeline
                .setType(EventType.ACQUISITION)
                .setActor("NVIDIA")
                .setTarget("Groq")
                .setAmountUsd(20_000_000_000L)
                .setOccurredAt(Instant.parse("2025-12-24T00:00:00Z"))
                .setHeadline("NVIDIA to acquire Groq for $20B")
                .setSource("example-java")
                .setTags(List.of("inference"))
                .build();
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, MarketEvent> producer =
                     new KafkaProducer<>(settings, events.keySerde().serializer(), events.valueSerde().serializer())) {
            return producer.send(new ProducerRecord<>(events.name(), deal.getId(), deal)).get();
        }
    }
}
