package io.tip.registry.client;

import java.util.List;

import org.apache.avro.Schema;

/**
 * The calls a serde or tool makes to a Confluent-compatible schema registry. Failures are
 * {@link SchemaRegistryException}s whose type and message say what went wrong.
 */
public interface SchemaRegistryClient {

    /**
     * The client the settings ask for: {@code mock://SCOPE} gives the in-memory
     * {@link MockSchemaRegistry} for tests, anything else a {@link CachedSchemaRegistryClient}.
     */
    static SchemaRegistryClient create(RegistryClientConfig config) {
        List<String> urls = config.urls();
        if (urls.size() == 1 && urls.get(0).startsWith(MockSchemaRegistry.URL_PREFIX)) {
            return MockSchemaRegistry.scope(urls.get(0));
        }
        return new CachedSchemaRegistryClient(config);
    }

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
