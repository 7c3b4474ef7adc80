package io.tip.it;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

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
}
