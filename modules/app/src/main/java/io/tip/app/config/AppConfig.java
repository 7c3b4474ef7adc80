package io.tip.app.config;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import io.tip.registry.client.RedactedUrl;

/** Settings of the tip service and commands, beyond the engine's and Kafka's own. */
public final class AppConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_ADVERTISED_HOST = "http.advertised.host";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String INGEST_MAX_BYTES = "http.ingest.max.bytes";
    public static final String INGEST_TIMEOUT_MS = "http.ingest.timeout.ms";
    public static final String HTTP_SSE_BUFFER_IMPACTS = "http.sse.buffer.impacts";
    public static final String HTTP_SSE_MAX_SUBSCRIBERS = "http.sse.max.subscribers";
    public static final String HTTP_AUTH_TOKEN = "http.auth.token";
    public static final String HTTP_AUTH_BASIC_USER_INFO = "http.auth.basic.user.info";
    public static final String HTTP_CORS_ALLOWED_ORIGINS = "http.cors.allowed.origins";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", ConfigDef.LambdaValidator.with((name, value) -> {
                if (((java.util.List<?>) value).isEmpty()) {
                    throw new ConfigException(name + " is empty: set it to the Kafka brokers, e.g. localhost:9092");
                }
            }, () -> "host:port, comma-separated"), Importance.HIGH,
                    "Kafka brokers to connect to (host:port, comma-separated).")
            .define(SCHEMA_REGISTRY_URL, Type.LIST, "http://localhost:8081", new RegistryUrls(), Importance.HIGH,
                    "Confluent-compatible schema registry URL(s); several fail over in order.")
            .define(HTTP_PORT, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM,
                    "Port of the HTTP API of `tip run` (0 = a free port).")
            .define(HTTP_ADVERTISED_HOST, Type.STRING, "localhost", new ConfigDef.NonEmptyStringWithoutControlChars(), Importance.MEDIUM,
                    "Host name other instances use to reach this instance's HTTP API (becomes application.server).")
            .define(TOPIC_PARTITIONS, Type.INT, 3, Range.atLeast(1), Importance.MEDIUM,
                    "Partitions of the topics tip creates when they do not exist.")
            .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) -1, new ReplicationFactor(), Importance.MEDIUM,
                    "Replication factor of the topics tip creates (-1 = the broker's default).")
            .define(INGEST_MAX_BYTES, Type.INT, 4 * 1024 * 1024, Range.between(1024, 64 * 1024 * 1024), Importance.LOW,
                    "Largest request body POST /api/events accepts, in bytes (413 above it).")
            .define(INGEST_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(1_000L, 300_000L), Importance.LOW,
                    "How long POST /api/events waits for Kafka to acknowledge the events before answering 503.")
            .define(HTTP_SSE_BUFFER_IMPACTS, Type.INT, 10_000, Range.between(1, 1_000_000), Importance.LOW,
                    "Impacts buffered per SSE subscriber; one that falls this far behind (not reading) is dropped, never slowing the others.")
            .define(HTTP_SSE_MAX_SUBSCRIBERS, Type.INT, 100, Range.between(1, 100_000), Importance.LOW,
                    "Most concurrent SSE subscribers per instance (each has a writer thread and a buffer); past it, 503.")
            .define(HTTP_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
                    "When set, the HTTP API (all but /health/live and /health/ready) requires `Authorization: Bearer <token>`.")
            .define(HTTP_AUTH_BASIC_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                    "When set (user:password), the HTTP API (all but /health/live and /health/ready) accepts HTTP basic auth with it.")
            .define(HTTP_CORS_ALLOWED_ORIGINS, Type.LIST, "", Importance.LOW,
                    "Origins (https://host:port) whose web pages may call the HTTP API; empty = no CORS headers at all.");

    /** -1 (the broker's default) or at least 1. */
    private static final class ReplicationFactor implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            short factor = (Short) value;
            if (factor != -1 && factor < 1) {
                throw new ConfigException(name, value, "must be -1 (the broker's default) or at least 1");
            }
        }

        @Override
        public String toString() {
            return "-1 or [1,...]";
        }
    }

    /** http(s)://host[:port] URLs, at least one; the value is never shown (a URL may carry credentials). */
    private static final class RegistryUrls implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            java.util.List<String> urls = (java.util.List<String>) value;
            if (urls.isEmpty()) {
                throw new ConfigException(name + " is empty: set it to the schema registry, e.g. http://localhost:8081");
            }
            for (String url : urls) {
                java.net.URI uri;
                try {
                    uri = new java.net.URI(url.trim());
                } catch (java.net.URISyntaxException e) {
                    throw new ConfigException(name + " has an entry that is not a URL: expected http(s)://host:port");
                }
                if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                    throw new ConfigException(name + " has an entry that is not an http(s)://host:port URL: "
                            + RedactedUrl.of(url.trim()) + " (credentials go in basic.auth.user.info)");
                }
            }
        }

        @Override
        public String toString() {
            return "http(s)://host:port, comma-separated";
        }
    }

    public AppConfig(Map<?, ?> originals) {
        super(CONFIG, originals, false);
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    public String schemaRegistryUrl() {
        return String.join(",", getList(SCHEMA_REGISTRY_URL));
    }

    public int httpPort() { return getInt(HTTP_PORT); }
    public String advertisedHost() { return getString(HTTP_ADVERTISED_HOST); }
    public int topicPartitions() { return getInt(TOPIC_PARTITIONS); }
    public short topicReplicationFactor() { return getShort(TOPIC_REPLICATION_FACTOR); }
    public int ingestMaxBytes() { return getInt(INGEST_MAX_BYTES); }
    public long ingestTimeoutMs() { return getLong(INGEST_TIMEOUT_MS); }
    public int sseBufferImpacts() { return getInt(HTTP_SSE_BUFFER_IMPACTS); }
    public int sseMaxSubscribers() { return getInt(HTTP_SSE_MAX_SUBSCRIBERS); }
    public java.util.List<String> corsAllowedOrigins() { return getList(HTTP_CORS_ALLOWED_ORIGINS); }

    /** The bearer token the API requires, if any. */
    public java.util.Optional<String> httpAuthToken() {
        var token = getPassword(HTTP_AUTH_TOKEN);
        return token == null || token.value().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(token.value());
    }

    /** The user:password the API accepts by basic auth, if any. */
    public java.util.Optional<String> httpAuthBasicUserInfo() {
        var userInfo = getPassword(HTTP_AUTH_BASIC_USER_INFO);
        if (userInfo == null || userInfo.value().isEmpty()) {
            return java.util.Optional.empty();
        }
        if (!userInfo.value().contains(":")) {
            throw new org.apache.kafka.common.config.ConfigException(HTTP_AUTH_BASIC_USER_INFO + " must be user:password");
        }
        return java.util.Optional.of(userInfo.value());
    }
}
