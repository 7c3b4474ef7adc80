package io.tip.devstack.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running in this JVM.
 * It is the same broker code as a production cluster, so topics, transactions and compaction behave
 * exactly as they will there. Data survives a restart on the same directory.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final EmbeddedKafkaConfig config;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(EmbeddedKafkaConfig config) {
        this.config = config;
        this.brokerPort = config.port() == 0 ? freePort() : config.port();
        this.controllerPort = freePort();
    }

    /** Formats the data directory if it is new, then starts the broker and waits until it serves requests. */
    public static EmbeddedKafka start(EmbeddedKafkaConfig config) {
        EmbeddedKafka kafka = new EmbeddedKafka(config);
        kafka.startServer();
        return kafka;
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    public int port() {
        return brokerPort;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    private void startServer() {
        Properties props = serverProperties();
        formatIfNew(props);
        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        log.info("Kafka broker started at {} (data in {})", bootstrapServers(), config.dataDir());
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", config.dataDir().resolve("log").toString());
        // One node: every internal topic has one replica, and transactions must work on it.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("unclean.leader.election.enable", "false");
        p.put("num.partitions", String.valueOf(config.defaultPartitions()));
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.putAll(config.overrides());
        return p;
    }

    /** Formatting twice fails, so an existing data directory (meta.properties present) is left as it is. */
    private void formatIfNew(Properties props) {
        Path logDir = config.dataDir().resolve("log");
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path file = config.dataDir().resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "written by tip for kafka-storage format");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[] {
                "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", file.toString(), "--ignore-formatted"
            }, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IllegalStateException("could not format Kafka storage in " + logDir + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + config.dataDir(), e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            log.info("Kafka broker at localhost:{} stopped", brokerPort);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** Restart on the same data directory and the same client port: topics, offsets and transactions survive. */
    public EmbeddedKafka restart() {
        close();
        return start(config.withPort(brokerPort));
    }

    /** For tests and tools that need extra broker settings. */
    public Map<String, String> overrides() {
        return config.overrides();
    }
}
