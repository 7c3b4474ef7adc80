package io.tip.app.config;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

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

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", Importance.HIGH,
                    "Kafka brokers to connect to (host:port, comma-separated).")
            .define(SCHEMA_REGISTRY_URL, Type.LIST, "http://localhost:8081", Importance.HIGH,
                    "Confluent-compatible schema registry URL(s); several fail over in order.")
            .define(HTTP_PORT, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM,
                    "Port of the HTTP API of `tip run` (0 = a free port).")
            .define(HTTP_ADVERTISED_HOST, Type.STRING, "localhost", Importance.MEDIUM,
                    "Host name other instances use to reach this instance's HTTP API (becomes application.server).")
            .define(TOPIC_PARTITIONS, Type.INT, 3, Range.atLeast(1), Importance.MEDIUM,
                    "Partitions of the topics tip creates when they do not exist.")
            .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) -1, Importance.MEDIUM,
                    "Replication factor of the topics tip creates (-1 = the broker's default).")
            .define(INGEST_MAX_BYTES, Type.INT, 4 * 1024 * 1024, Range.between(1024, 64 * 1024 * 1024), Importance.LOW,
                    "Largest request body POST /api/events accepts, in bytes (413 above it).")
            .define(INGEST_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(1_000L, 300_000L), Importance.LOW,
                    "How long POST /api/events waits for Kafka to acknowledge the events before answering 503.");

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
}
