package io.tip.registry.serde;

import org.apache.avro.generic.GenericRecord;

import io.tip.registry.client.SchemaRegistryClient;

/** Serde for {@link GenericRecord}s, read with the writer's own schema. */
public class GenericAvroSerde extends AvroSerde<GenericRecord> {

    /** Creates its registry client from the config passed to {@code configure}. */
    public GenericAvroSerde() {
        super(null, false);
    }

    /** Shares {@code client} (and its caches) with other serdes. */
    public GenericAvroSerde(SchemaRegistryClient client) {
        super(client, false);
    }
}
