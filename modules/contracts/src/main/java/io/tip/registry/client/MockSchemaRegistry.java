package io.tip.registry.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/**
 * An in-memory registry for unit tests that have no server (e.g. on a TopologyTestDriver), chosen
 * with {@code schema.registry.url=mock://SCOPE} as with Confluent's serdes. Every client of one
 * scope shares its schemas; compatibility is not checked.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {
    public static final String URL_PREFIX = "mock://";
    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final List<Schema> byId = new ArrayList<>();
    private final Map<String, List<Schema>> subjects = new HashMap<>();

    private MockSchemaRegistry() {
    }

    /** The registry of a scope: {@code mock://test-1} and {@code test-1} name the same one. */
    public static MockSchemaRegistry scope(String urlOrScope) {
        String scope = urlOrScope.startsWith(URL_PREFIX) ? urlOrScope.substring(URL_PREFIX.length()) : urlOrScope;
        return SCOPES.computeIfAbsent(scope, s -> new MockSchemaRegistry());
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema, s -> {
            byId.add(s);
            return byId.size();
        });
        List<Schema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        List<Schema> versions = subjects.get(subject);
        if (versions == null || !versions.contains(schema)) {
            throw new SchemaNotFoundException("schema not registered under subject " + subject + " (mock registry)", 40403);
        }
        return ids.get(schema);
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        if (id < 1 || id > byId.size()) {
            throw new SchemaNotFoundException("schema id " + id + " not found in mock registry", 40403);
        }
        return byId.get(id - 1);
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        List<Schema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaNotFoundException("subject '" + subject + "' not found in mock registry", 40401);
        }
        Schema latest = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, ids.get(latest), versions.size(), latest);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return true;
    }
}
