package io.tip.devstack.registry;

import org.apache.avro.Schema;

/** One version of a subject; {@code schema} is Avro's canonical text, the key for id reuse. */
record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {

    Schema parsed() {
        return new Schema.Parser().parse(schema);
    }

    SchemaVersion asDeleted() {
        return new SchemaVersion(subject, version, id, schema, true);
    }
}
