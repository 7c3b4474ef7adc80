package io.tip.devstack.registry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * A schema registry speaking Confluent's REST API (Avro schemas), storing schemas in a compacted
 * Kafka topic. Start it on a cluster with {@link #start}; it serves only after reading the whole
 * topic, so ids survive restarts and instances sharing the topic agree.
 */
public final class SchemaRegistryServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final SchemaLog schemaLog;
    private final SchemaRegistry registry;
    private final Javalin http;

    private SchemaRegistryServer(SchemaRegistryServerConfig config) {
        RegistryState state = new RegistryState();
        this.schemaLog = new SchemaLog(config.bootstrapServers(), config.topic(), state);
        this.registry = new SchemaRegistry(schemaLog, state);
        this.http = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.startupWatcherEnabled = false;
            javalin.jetty.threadPool = new QueuedThreadPool(32, 2, 60_000);
        });
        routes();
    }

    /** Reads the schema topic to its end, then serves HTTP; fails if Kafka or the port is unavailable. */
    public static SchemaRegistryServer start(SchemaRegistryServerConfig config) {
        SchemaRegistryServer server = new SchemaRegistryServer(config);
        try {
            server.schemaLog.start(STARTUP_TIMEOUT);
            server.http.start(config.host(), config.port());
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException("schema registry could not start on Kafka " + config.bootstrapServers()
                + " (topic " + config.topic() + ", " + config.host() + ":" + config.port() + "): " + e.getMessage(), e);
        }
        log.info("schema registry serving {} on {} (schemas in topic {})", server.url(), config.host(), config.topic());
        return server;
    }

    public int port() {
        return http.port();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        try {
            http.stop();
        } finally {
            schemaLog.close();
        }
    }

    private void routes() {
        http.get("/", ctx -> reply(ctx, Map.of()));
        http.get("/schemas/types", ctx -> reply(ctx, List.of("AVRO")));
        http.get("/schemas/ids/{id}", ctx -> reply(ctx, Map.of("schema", registry.schemaById(schemaId(ctx)))));
        http.get("/subjects", ctx -> reply(ctx, registry.subjects()));
        http.post("/subjects/{subject}/versions", ctx ->
            reply(ctx, Map.of("id", registry.register(subject(ctx), schemaText(ctx)))));
        http.post("/subjects/{subject}", ctx -> reply(ctx, describe(registry.lookup(subject(ctx), schemaText(ctx)))));
        http.get("/subjects/{subject}/versions", ctx -> reply(ctx, registry.versions(subject(ctx))));
        http.get("/subjects/{subject}/versions/{version}", ctx ->
            reply(ctx, describe(registry.version(subject(ctx), ctx.pathParam("version")))));
        http.get("/subjects/{subject}/versions/{version}/schema", ctx ->
            replyRaw(ctx, registry.version(subject(ctx), ctx.pathParam("version")).schema()));
        http.delete("/subjects/{subject}", ctx -> reply(ctx, registry.deleteSubject(subject(ctx))));
        http.delete("/subjects/{subject}/versions/{version}", ctx ->
            reply(ctx, registry.deleteVersion(subject(ctx), ctx.pathParam("version"))));
        http.post("/compatibility/subjects/{subject}/versions/{version}", this::checkCompatibility);
        http.get("/config", ctx -> reply(ctx, Map.of("compatibilityLevel", registry.globalLevel().name())));
        http.put("/config", ctx -> {
            CompatibilityLevel level = level(ctx);
            registry.setLevel(null, level);
            reply(ctx, Map.of("compatibility", level.name()));
        });
        http.get("/config/{subject}", this::subjectLevel);
        http.put("/config/{subject}", ctx -> {
            CompatibilityLevel level = level(ctx);
            registry.setLevel(subject(ctx), level);
            reply(ctx, Map.of("compatibility", level.name()));
        });
        http.delete("/config/{subject}", ctx ->
            reply(ctx, Map.of("compatibilityLevel", registry.clearSubjectLevel(subject(ctx)).name())));

        http.exception(RegistryError.class, (e, ctx) -> error(ctx, e.httpStatus(), e.errorCode(), e.getMessage()));
        http.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getStatus(), e.getMessage()));
        http.exception(Exception.class, (e, ctx) -> {
            log.error("registry request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, 50001, "Error in the backend data store: " + e);
        });
    }

    private void checkCompatibility(Context ctx) {
        List<String> problems = registry.compatibilityProblems(subject(ctx), ctx.pathParam("version"), schemaText(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", problems.isEmpty());
        if ("true".equals(ctx.queryParam("verbose"))) {
            body.put("messages", problems);
        }
        reply(ctx, body);
    }

    private void subjectLevel(Context ctx) {
        String subject = subject(ctx);
        CompatibilityLevel level = registry.subjectLevel(subject).orElseGet(() -> {
            if ("true".equals(ctx.queryParam("defaultToGlobal"))) {
                return registry.globalLevel();
            }
            throw RegistryError.subjectLevelNotConfigured(subject);
        });
        reply(ctx, Map.of("compatibilityLevel", level.name()));
    }

    private static Map<String, Object> describe(SchemaVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", version.subject());
        body.put("version", version.version());
        body.put("id", version.id());
        body.put("schema", version.schema());
        return body;
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static int schemaId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryError.badRequest("schema id must be a number, was '" + text + "'");
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw RegistryError.badRequest("request body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw RegistryError.badRequest("malformed JSON request body: " + e.getOriginalMessage());
        }
    }

    private static String schemaText(Context ctx) {
        JsonNode body = body(ctx);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw RegistryError.invalidSchema("Unsupported schema type " + type + "; this registry stores AVRO schemas only");
        }
        JsonNode references = body.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw RegistryError.invalidSchema("Schema references are not supported by this registry");
        }
        return body.path("schema").isTextual() ? body.get("schema").asText() : null;
    }

    private static CompatibilityLevel level(Context ctx) {
        JsonNode body = body(ctx);
        String text = body.has("compatibility") ? body.get("compatibility").asText() : body.path("compatibilityLevel").asText(null);
        return CompatibilityLevel.parse(text).orElseThrow(() -> RegistryError.invalidCompatibilityLevel(text));
    }

    private static void reply(Context ctx, Object body) {
        try {
            replyRaw(ctx, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode response", e);
        }
    }

    /** Confluent's media type unless the client asked only for plain JSON. */
    private static void replyRaw(Context ctx, String json) {
        String accept = ctx.header("Accept");
        boolean plainJsonOnly = accept != null && accept.contains("application/json") && !accept.contains("schemaregistry")
            && !accept.contains("*/*");
        ctx.contentType(plainJsonOnly ? "application/json" : CONTENT_TYPE).result(json);
    }

    private static void error(Context ctx, int status, int errorCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        ctx.status(status);
        reply(ctx, body);
    }
}
