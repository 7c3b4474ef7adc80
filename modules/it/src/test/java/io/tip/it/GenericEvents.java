package io.tip.it;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Market events as a producer that has only {@code schemas/market_event.avsc} builds them: plain
 * Avro GenericRecords, no generated classes, no tip code.
 */
final class GenericEvents {
    private GenericEvents() {
    }

    /** An NVIDIA-buys-an-inference-specialist event, the kind that challenges convergence. */
    static GenericRecord groqLike(Schema schema, String id, String type) {
        return new GenericRecordBuilder(schema)
                .set("id", id)
                .set("type", new GenericData.EnumSymbol(schema.getField("type").schema(), type))
                .set("actor", "NVIDIA")
                .set("target", "Groq")
                .set("amountUsd", 20_000_000_000L)
                .set("occurredAt", Instant.parse("2025-12-24T00:00:00Z").toEpochMilli())
                .set("headline", "NVIDIA to acquire Groq for $20B (" + id + ")")
                .set("source", "generic-producer")
                .set("tags", List.of("inference"))
                .set("attributes", Map.of())
                .set("products", List.of())
                .build();
    }

    /**
     * Publishes {@link #groqLike} as a producer that has only {@code schemas/market_event.avsc}: the schema
     * registered over the registry's REST API, the record in Confluent wire format, keyed by its id.
     */
    static void publishGroqLike(String bootstrapServers, PlainAvroClient registry, String id) {
        Schema schema = ConfluentWire.parse(Repo.marketEventSchema());
        int schemaId = registry.register("market-events-value", schema);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("market-events", id, ConfluentWire.encode(schemaId, schema, groqLike(schema, id, "ACQUISITION")))).get();
        } catch (ExecutionException e) {
            throw new AssertionError("publishing " + id + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
