package io.tip.registry.serde;

import org.apache.avro.specific.SpecificRecord;

import io.tip.registry.client.SchemaRegistryClient;

/** Serde for generated Avro classes; reads into the class named by the writer schema. */
public class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerde<T> {

    /** Creates its registry client from the config passed to {@code configure}. */
    public SpecificAvroSerde() {
        super(null, true);
    }

    /** Shares {@code client} (and its caches) with other serdes. */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        super(client, true);
    }
}
