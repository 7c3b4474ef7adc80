package io.tip.registry.client;

import org.apache.avro.Schema;

/**
 * The calls a serde or tool makes to a Confluent-compatible schema registry. Failures are
 * {@link SchemaRegistryException}s whose type and message say what went wrong.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (a no-op if it is already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} under {@code subject}, without registering it; {@link SchemaNotFoundException} if absent. */
    int getId(String subject, Schema schema);

    /** The schema with this global id; {@link SchemaNotFoundException} if the registry does not know it. */
    Schema getSchemaById(int id);

    /** The newest version registered under {@code subject}. */
    RegisteredSchema getLatest(String subject);

    /** Whether {@code schema} could be registered under {@code subject} given its compatibility level. */
    boolean testCompatibility(String subject, Schema schema);
}
