package io.tip.devstack.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 *
 * <p>Every request passes, in order: HTTP basic auth when users are configured (401), a JSON content
 * type on requests with a body (415: a web page's cross-site form post cannot register), and a body
 * read with a cap, chunked or not (413 without reading the rest); writes need the admin role (403).
 */
public final class SchemaRegistryServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> BODY_TYPES = Set.of(CONTENT_TYPE, "application/vnd.schemaregistry+json", "application/json");
    private static final String ROLE = "tip.registry.role";
    private static final String BODY_READ = "tip.registry.body-read";
    private static final int MAX_MESSAGE_CHARS = 2_000;

    private final SchemaLog schemaLog;
    private final SchemaRegistry registry;
    private final Javalin http;
    private final RegistryUsers users;
    private final int maxRequestBytes;

    private SchemaRegistryServer(SchemaRegistryServerConfig config) {
        RegistryState state = new RegistryState();
        RegistryLimits limits = config.settings().limits();
        this.users = config.settings().users();
        this.maxRequestBytes = limits.maxRequestBytes();
        this.schemaLog = new SchemaLog(config.bootstrapServers(), config.topic(), state);
        this.registry = new SchemaRegistry(schemaLog, state, limits);
        this.http = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.startupWatcherEnabled = false;
            javalin.jetty.threadPool = new QueuedThreadPool(32, 2, 60_000);
            javalin.http.maxRequestSize = maxRequestBytes;
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
        log.info("schema registry serving {} on {} (schemas in topic {}; {})", server.url(), config.host(), config.topic(),
            server.users.enabled() ? "HTTP basic auth required" : "no authentication");
        if (!isLoopback(config.host())) {
            log.warn("schema registry is open to other hosts: it listens on {}:{}{}", config.host(), server.port(),
                server.users.enabled() ? "" : " without authentication (set " + RegistryServerSettings.AUTH_USERS_FILE + ")");
        }
        return server;
    }

    /** True for an address that only this machine can reach (localhost, 127.x, ::1). */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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
        http.before(this::admit);
        http.get("/", ctx -> reply(ctx, Map.of()));
        http.get("/schemas/types", ctx -> reply(ctx, List.of("AVRO")));
        http.get("/schemas/ids/{id}", ctx -> reply(ctx, Map.of("schema", registry.schemaById(schemaId(ctx)))));
        http.get("/subjects", ctx -> reply(ctx, registry.subjects()));
        http.post("/subjects/{subject}/versions", ctx -> {
            requireAdmin(ctx, "registering a schema");
            reply(ctx, Map.of("id", registry.register(subject(ctx), schemaText(ctx))));
        });
        http.post("/subjects/{subject}", ctx -> reply(ctx, describe(registry.lookup(subject(ctx), schemaText(ctx)))));
        http.get("/subjects/{subject}/versions", ctx -> reply(ctx, registry.versions(subject(ctx))));
        http.get("/subjects/{subject}/versions/{version}", ctx ->
            reply(ctx, describe(registry.version(subject(ctx), ctx.pathParam("version")))));
        http.get("/subjects/{subject}/versions/{version}/schema", ctx ->
            replyRaw(ctx, registry.version(subject(ctx), ctx.pathParam("version")).schema()));
        http.delete("/subjects/{subject}", ctx -> {
            requireAdmin(ctx, "deleting");
            reply(ctx, registry.deleteSubject(subject(ctx), permanent(ctx)));
        });
        http.delete("/subjects/{subject}/versions/{version}", ctx -> {
            requireAdmin(ctx, "deleting");
            reply(ctx, registry.deleteVersion(subject(ctx), ctx.pathParam("version"), permanent(ctx)));
        });
        http.post("/compatibility/subjects/{subject}/versions/{version}", this::checkCompatibility);
        http.get("/config", ctx -> reply(ctx, Map.of("compatibilityLevel", registry.globalLevel().name())));
        http.put("/config", ctx -> {
            requireAdmin(ctx, "changing the configuration");
            CompatibilityLevel level = level(ctx);
            registry.setLevel(null, level);
            reply(ctx, Map.of("compatibility", level.name()));
        });
        http.get("/config/{subject}", this::subjectLevel);
        http.put("/config/{subject}", ctx -> {
            requireAdmin(ctx, "changing the configuration");
            CompatibilityLevel level = level(ctx);
            registry.setLevel(subject(ctx), level);
            reply(ctx, Map.of("compatibility", level.name()));
        });
        http.delete("/config/{subject}", ctx -> {
            requireAdmin(ctx, "changing the configuration");
            reply(ctx, Map.of("compatibilityLevel", registry.clearSubjectLevel(subject(ctx)).name()));
        });

        http.exception(RegistryError.class, (e, ctx) -> {
            boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
            if (hasBody && ctx.attribute(BODY_READ) == null) {
                // A body left unread: the connection cannot carry another request. After answering, Jetty 11 still
                // discards what is already arriving (its lingering close, so the client reads the answer, not a reset).
                ctx.header("Connection", "close");
            }
            if (e.httpStatus() == 401) {
                ctx.header("WWW-Authenticate", "Basic realm=\"schema-registry\", charset=\"UTF-8\"");
            }
            error(ctx, e.httpStatus(), e.errorCode(), e.getMessage());
        });
        http.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getStatus(), e.getMessage()));
        http.exception(Exception.class, (e, ctx) -> {
            log.error("registry request {} {} failed", ctx.method(), ctx.path(), e);
            RegistryError internal = RegistryError.internal();
            error(ctx, internal.httpStatus(), internal.errorCode(), internal.getMessage());
        });
    }

    /** Authentication, then the content type and declared size of a body; nothing of the body is read here. */
    private void admit(Context ctx) {
        if (users.enabled()) {
            ctx.attribute(ROLE, users.authenticate(ctx.header("Authorization")).orElseThrow(RegistryError::unauthorized));
        }
        String method = ctx.method().name();
        if (method.equals("POST") || method.equals("PUT")) {
            String contentType = ctx.header("Content-Type");
            String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!BODY_TYPES.contains(mediaType)) {
                throw RegistryError.unsupportedMediaType(contentType);
            }
            if (ctx.req().getContentLengthLong() > maxRequestBytes) {
                throw RegistryError.tooLarge(maxRequestBytes);
            }
        }
    }

    private void requireAdmin(Context ctx, String what) {
        if (users.enabled() && ctx.attribute(ROLE) != RegistryUsers.Role.ADMIN) {
            throw RegistryError.forbidden(what);
        }
    }

    private static boolean permanent(Context ctx) {
        return "true".equalsIgnoreCase(ctx.queryParam("permanent"));
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

    /**
     * The body, read up to the cap whatever the framing: Javalin's own size check trusts Content-Length,
     * so a chunked upload was read in full (issue 14: 300 MB took the JVM's RSS from 0.4 to 1.5 GB). Past the cap the
     * rest is never kept: the 413 goes out at once and the connection closes.
     */
    private byte[] cappedBody(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(maxRequestBytes + 1);
            if (body.length > maxRequestBytes) {
                throw RegistryError.tooLarge(maxRequestBytes);
            }
            ctx.attribute(BODY_READ, true);
            return body;
        } catch (IOException e) {
            throw RegistryError.badRequest("could not read the request body");
        }
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode body = JSON.readTree(cappedBody(ctx));
            if (body == null || !body.isObject()) {
                throw RegistryError.badRequest("request body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : "unreadable";
            throw RegistryError.badRequest("malformed JSON request body: "
                + (detail.length() > 200 ? detail.substring(0, 200) + "…" : detail));
        }
    }

    private String schemaText(Context ctx) {
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

    private CompatibilityLevel level(Context ctx) {
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

    /** Confluent's error body; a message is cut at {@value #MAX_MESSAGE_CHARS} characters, so no answer echoes a whole schema. */
    private static void error(Context ctx, int status, int errorCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message == null || message.length() <= MAX_MESSAGE_CHARS ? message
            : message.substring(0, MAX_MESSAGE_CHARS) + "…");
        ctx.status(status);
        reply(ctx, body);
    }
}
