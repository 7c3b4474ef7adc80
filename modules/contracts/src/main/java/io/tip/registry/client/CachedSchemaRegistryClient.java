package io.tip.registry.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A registry client that asks over HTTP once per schema and then answers from memory: ids are
 * immutable in a registry, so schema&rarr;id (per subject) and id&rarr;schema never go stale.
 * Thread-safe; share one instance between serdes.
 */
public class CachedSchemaRegistryClient implements SchemaRegistryClient {
    private final RegistryHttp http;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public CachedSchemaRegistryClient(RegistryClientConfig config) {
        this.http = new RegistryHttp(config);
    }

    /** Reads {@code schema.registry.url} and the basic-auth keys from a Kafka-style config map. */
    public CachedSchemaRegistryClient(Map<String, ?> configs) {
        this(new RegistryClientConfig(configs));
    }

    /** A client for one URL, or several comma-separated ones, without authentication. */
    public static CachedSchemaRegistryClient forUrl(String urls) {
        return new CachedSchemaRegistryClient(Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, urls));
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = idsOf(subject).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.post("/subjects/" + encode(subject) + "/versions", Map.of("schema", schema.toString()));
        return remember(subject, schema, answer.get("id").asInt());
    }

    @Override
    public int getId(String subject, Schema schema) {
        Integer cached = idsOf(subject).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.post("/subjects/" + encode(subject), Map.of("schema", schema.toString()));
        return remember(subject, schema, answer.get("id").asInt());
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer;
        try {
            answer = http.get("/schemas/ids/" + id);
        } catch (SchemaNotFoundException e) {
            throw new SchemaNotFoundException("schema id " + id + " not found in registry " + http.currentUrl()
                + "; was it written against another registry?", e.errorCode());
        }
        Schema schema = new Schema.Parser().parse(answer.get("schema").asText());
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        JsonNode answer = http.get("/subjects/" + encode(subject) + "/versions/latest");
        int id = answer.get("id").asInt();
        Schema schema = schemasById.computeIfAbsent(id, ignored -> new Schema.Parser().parse(answer.get("schema").asText()));
        return new RegisteredSchema(subject, id, answer.get("version").asInt(), schema);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        JsonNode answer = http.post("/compatibility/subjects/" + encode(subject) + "/versions/latest",
            Map.of("schema", schema.toString()));
        return answer.get("is_compatible").asBoolean();
    }

    private Map<Schema, Integer> idsOf(String subject) {
        return idsBySubject.computeIfAbsent(subject, ignored -> new ConcurrentHashMap<>());
    }

    private int remember(String subject, Schema schema, int id) {
        idsOf(subject).put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
