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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

import org.apache.kafka.common.KafkaFuture;
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
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    /** Kafka's minimum for SCRAM-SHA-512 is 4096; 8192 as in Kafka's own examples. */
    private static final int SCRAM_ITERATIONS = 8192;

    private final EmbeddedKafkaConfig config;
    private final int brokerPort;
    private final int controllerPort;
    /** Secured only: the broker's own listener and the registry's (see {@link BrokerSecurity}); 0 otherwise. */
    private final int internalPort;
    private final int registryPort;
    /** Secured only: the broker's password on its own listeners, made for this process and never written but to server.properties. */
    private final String brokerPassword;
    private KafkaRaftServer server;

    private EmbeddedKafka(EmbeddedKafkaConfig config) {
        this.config = config;
        this.brokerPort = config.port() == 0 ? freePort() : config.port();
        this.controllerPort = freePort();
        this.internalPort = config.secured() ? freePort() : 0;
        this.registryPort = config.secured() ? freePort() : 0;
        this.brokerPassword = config.secured() ? BrokerSecurity.newPassword() : null;
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

    /** Whether clients must authenticate (SASL/SCRAM-SHA-512) and be allowed by ACLs. */
    public boolean secured() {
        return config.secured();
    }

    /**
     * Where the dev stack's schema registry connects: on a secured broker its own listener, where it is
     * {@link BrokerSecurity#REGISTRY_USER}; otherwise the client listener.
     */
    public String registryBootstrapServers() {
        return config.secured() ? "localhost:" + registryPort : bootstrapServers();
    }

    /**
     * Creates or replaces SCRAM-SHA-512 credentials (user to password) and returns once the broker
     * authenticates with them. KRaft keeps SCRAM credentials in the metadata log: they can be written at
     * format time ({@code kafka-storage format --add-scram}) or by a super user once the broker runs. Here
     * it is the latter, as the broker's own user on its internal listener, so that users can be added to a
     * data directory formatted long ago (a restarted {@code tip dev --secure} with a new analyst) the same
     * way as to a new one.
     */
    public void upsertScramUsers(Map<String, String> passwords) {
        ScramCredentialInfo info = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS);
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        passwords.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(user, info, password)));
        // The controller has the credentials once the call returns; the broker serves them once it applied the record.
        asBrokerUser("create SCRAM credentials for " + passwords.keySet(),
                admin -> admin.alterUserScramCredentials(upserts).all(),
                admin -> admin.describeUserScramCredentials().all().get().keySet().containsAll(passwords.keySet()));
    }

    /**
     * Adds ACLs, as the broker's own super user, and returns once the broker's authorizer applies them
     * (the controller commits them first; the broker's {@code StandardAuthorizer} follows the metadata log).
     */
    public void grant(Collection<AclBinding> acls) {
        asBrokerUser("create ACLs", admin -> admin.createAcls(acls).all(),
                admin -> admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(acls));
    }

    private void asBrokerUser(String what, Function<Admin, KafkaFuture<Void>> change, AppliedCheck applied) {
        if (!config.secured()) {
            throw new IllegalStateException("cannot " + what + ": this broker does not authenticate clients; start it with EmbeddedKafkaConfig.withSecurity()");
        }
        try (Admin admin = Admin.create(BrokerSecurity.plainClient("localhost:" + internalPort, brokerPassword))) {
            change.apply(admin).get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
            while (!applied.test(admin)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot " + what + ": the broker did not apply it within " + ADMIN_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: cannot " + what, e);
        }
    }

    /** Whether the broker (not only the controller) shows a change. */
    private interface AppliedCheck {
        boolean test(Admin admin) throws ExecutionException, InterruptedException;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    private void startServer() {
        Properties props = serverProperties();
        formatIfNew(props);
        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        log.info("Kafka broker started at {}{} (data in {})", bootstrapServers(),
                config.secured() ? " (SASL/SCRAM-SHA-512, ACLs)" : "", config.dataDir());
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        if (config.secured()) {
            p.putAll(BrokerSecurity.serverProperties(new BrokerSecurity.Ports(brokerPort, internalPort, registryPort, controllerPort), brokerPassword));
        } else {
            p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
        }
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
            if (config.secured()) { // its settings hold the broker's own password: readable by the owner only
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
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
