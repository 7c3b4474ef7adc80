package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.tip.app.Tip;
import io.tip.app.config.TipSettings;
import io.tip.app.kafka.ClientSettings;
import io.tip.app.security.AccessPlan;
import io.tip.app.security.CredentialFiles;
import io.tip.app.security.DevAccess;
import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.EmbeddedStackConfig;
import io.tip.devstack.broker.BrokerSecurity;

/**
 * Issue 14: every principal of `tip dev --secure`, each connecting with the credentials file written for it,
 * against the secured embedded broker: what its job needs works, and what it does not need fails with
 * Kafka's authorization error for the resource it was denied.
 */
class AclMatrixTest {
    private static final String APPLICATION_ID = "tip";
    private static final String DESK_A = "desk-a";
    private static final String DESK_B = "desk-b";
    private static final String PRODUCER = AccessPlan.PRODUCER;
    private static final String LOADER = AccessPlan.LOADER;
    private static final String PIPELINE = AccessPlan.PIPELINE;
    private static final String ANALYST_A = AccessPlan.analyst(DESK_A);
    private static final String ADMIN = BrokerSecurity.ADMIN_USER;

    @TempDir static Path dir;
    private static EmbeddedStack stack;
    private static Map<String, Path> files;

    /** What a principal tries: a plain or transactional write, a read with or without a group, a topic creation, an ACL. */
    enum Operation {
        WRITE, WRITE_IN_TRANSACTION, READ, READ_IN_GROUP, CREATE_TOPIC, CREATE_ACL
    }

    /** {@code extra}: the transactional id or the group; {@code denial}: the error expected, null when allowed. */
    record Case(String principal, Operation operation, String resource, String extra, Class<? extends AuthorizationException> denial) {
        @Override
        public String toString() {
            return principal + " " + operation + " " + resource + (extra == null ? "" : " (" + extra + ")")
                    + (denial == null ? ": allowed" : ": " + denial.getSimpleName());
        }
    }

    static Stream<Case> matrix() {
        return Stream.of(
                // producer: writes market-events, idempotently, and nothing else
                allowed(PRODUCER, Operation.WRITE, "market-events"),
                denied(PRODUCER, Operation.READ, "market-events", TopicAuthorizationException.class),
                denied(PRODUCER, Operation.READ, "thesis-impacts", TopicAuthorizationException.class),
                denied(PRODUCER, Operation.WRITE, "thesis-impacts", TopicAuthorizationException.class),
                denied(PRODUCER, Operation.WRITE, "theses", TopicAuthorizationException.class),
                denied(PRODUCER, Operation.CREATE_TOPIC, "producer-made", TopicAuthorizationException.class),
                // loader: reads and writes the tables in tip load's transaction
                allowed(LOADER, Operation.WRITE_IN_TRANSACTION, "theses", "tip.load.theses"),
                allowed(LOADER, Operation.WRITE_IN_TRANSACTION, "entities", "tip.load.theses"),
                allowed(LOADER, Operation.READ, "implications"),
                denied(LOADER, Operation.WRITE_IN_TRANSACTION, "theses", "tip-0-1", TransactionalIdAuthorizationException.class),
                denied(LOADER, Operation.WRITE, "market-events", TopicAuthorizationException.class),
                denied(LOADER, Operation.READ, "thesis-impacts", TopicAuthorizationException.class),
                // pipeline: its application id's group, transactional ids and internal topics; reads inputs, writes outputs
                allowed(PIPELINE, Operation.READ_IN_GROUP, "market-events", APPLICATION_ID),
                allowed(PIPELINE, Operation.READ, "theses"),
                allowed(PIPELINE, Operation.READ, "subscriptions"),
                allowed(PIPELINE, Operation.WRITE_IN_TRANSACTION, "thesis-impacts", APPLICATION_ID + "-7d3c-1"),
                allowed(PIPELINE, Operation.WRITE_IN_TRANSACTION, "impacts." + DESK_A, APPLICATION_ID + "-7d3c-1"),
                allowed(PIPELINE, Operation.WRITE_IN_TRANSACTION, "market-events.dlq", APPLICATION_ID + "-7d3c-1"),
                allowed(PIPELINE, Operation.CREATE_TOPIC, APPLICATION_ID + "-dedupe-store-changelog"),
                denied(PIPELINE, Operation.WRITE, "theses", TopicAuthorizationException.class),
                denied(PIPELINE, Operation.READ_IN_GROUP, "market-events", "someone-else", GroupAuthorizationException.class),
                denied(PIPELINE, Operation.READ_IN_GROUP, "market-events", ANALYST_A, GroupAuthorizationException.class),
                denied(PIPELINE, Operation.WRITE_IN_TRANSACTION, "thesis-impacts", "tip.load.theses", TransactionalIdAuthorizationException.class),
                denied(PIPELINE, Operation.CREATE_TOPIC, "pipeline-made", TopicAuthorizationException.class),
                denied(PIPELINE, Operation.CREATE_ACL, "market-events", ClusterAuthorizationException.class),
                // an analyst: its own subscription's topic, in its own groups, and nothing else
                allowed(ANALYST_A, Operation.READ_IN_GROUP, "impacts." + DESK_A, ANALYST_A),
                allowed(ANALYST_A, Operation.READ_IN_GROUP, "impacts." + DESK_A, AccessPlan.analystGroupPrefix(DESK_A) + "dashboard"),
                denied(ANALYST_A, Operation.READ_IN_GROUP, "impacts." + DESK_A, AccessPlan.analyst(DESK_A + "-2"), GroupAuthorizationException.class),
                denied(ANALYST_A, Operation.READ, "impacts." + DESK_B, TopicAuthorizationException.class),
                denied(ANALYST_A, Operation.READ, "market-events", TopicAuthorizationException.class),
                denied(ANALYST_A, Operation.READ, "thesis-impacts", TopicAuthorizationException.class),
                denied(ANALYST_A, Operation.READ_IN_GROUP, "impacts." + DESK_A, APPLICATION_ID, GroupAuthorizationException.class),
                // an idempotent producer first asks for a producer id, which needs WRITE on some topic (KIP-679): the analyst has none
                denied(ANALYST_A, Operation.WRITE, "impacts." + DESK_A, ClusterAuthorizationException.class),
                denied(ANALYST_A, Operation.WRITE_IN_TRANSACTION, "impacts." + DESK_A, ANALYST_A, TransactionalIdAuthorizationException.class),
                // admin: a super user
                allowed(ADMIN, Operation.READ, "thesis-impacts"),
                allowed(ADMIN, Operation.WRITE, "market-events"),
                allowed(ADMIN, Operation.CREATE_TOPIC, "admin-made"),
                allowed(ADMIN, Operation.CREATE_ACL, "market-events"));
    }

    private static Case allowed(String principal, Operation operation, String resource) {
        return new Case(principal, operation, resource, null, null);
    }

    private static Case allowed(String principal, Operation operation, String resource, String extra) {
        return new Case(principal, operation, resource, extra, null);
    }

    private static Case denied(String principal, Operation operation, String resource, Class<? extends AuthorizationException> denial) {
        return new Case(principal, operation, resource, null, denial);
    }

    private static Case denied(String principal, Operation operation, String resource, String extra,
            Class<? extends AuthorizationException> denial) {
        return new Case(principal, operation, resource, extra, denial);
    }

    @BeforeAll
    static void secureStack() throws Exception {
        stack = EmbeddedStack.startSecured(EmbeddedStackConfig.in(dir.resolve("kafka")));
        files = DevAccess.provision(stack, TipSettings.load(null, Map.of(), Map.of()), List.of(DESK_A, DESK_B),
                new CredentialFiles(dir.resolve("credentials")));
        for (String desk : List.of(DESK_A, DESK_B)) {
            assertThat(Tip.run("subscribe", "create", desk, "--tag", "semis", "--config", files.get(ADMIN).toString())).isZero();
        }
        // One record on every topic a case reads, so an allowed read has something to show for itself
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.producer(client(ADMIN)),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String topic : matrix().filter(c -> c.operation() == Operation.READ || c.operation() == Operation.READ_IN_GROUP)
                    .map(Case::resource).distinct().toList()) {
                producer.send(new ProducerRecord<>(topic, 0, "k".getBytes(), "v".getBytes())).get();
            }
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachPrincipalDoesItsJobAndNothingElse(Case c) throws Exception {
        // Given the principal's credentials file, When it tries the operation,
        // Then it works, or fails with the authorization error of the resource it was denied
        if (c.denial() == null) {
            attempt(c);
        } else {
            assertThatThrownBy(() -> attempt(c)).as(c.toString()).isInstanceOf(c.denial())
                    .satisfies(e -> assertThat(e.toString()).as("no secret in the error").doesNotContain("password"));
        }
    }

    private static void attempt(Case c) throws Exception {
        Map<String, Object> client = client(c.principal());
        switch (c.operation()) {
            case WRITE -> write(client, c.resource(), null);
            case WRITE_IN_TRANSACTION -> write(client, c.resource(), c.extra());
            case READ -> assertThat(read(client, c.resource(), null)).as("records read").isPositive();
            case READ_IN_GROUP -> assertThat(read(client, c.resource(), c.extra())).as("records read").isPositive();
            case CREATE_TOPIC -> {
                try (Admin admin = Admin.create(ClientSettings.admin(client))) {
                    unwrap(() -> admin.createTopics(List.of(new NewTopic(c.resource(), 1, (short) 1))).all().get());
                }
            }
            case CREATE_ACL -> {
                try (Admin admin = Admin.create(ClientSettings.admin(client))) {
                    AclBinding acl = new AclBinding(new ResourcePattern(ResourceType.TOPIC, c.resource(), PatternType.LITERAL),
                            new AccessControlEntry("User:" + c.principal(), "*", AclOperation.READ, AclPermissionType.ALLOW));
                    unwrap(() -> admin.createAcls(List.of(acl)).all().get());
                }
            }
        }
    }

    /** A record to {@code topic} with an idempotent producer (the default), in a transaction when {@code transactionalId} is set. */
    private static void write(Map<String, Object> client, String topic, String transactionalId) throws Exception {
        Map<String, Object> settings = ClientSettings.producer(client);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        if (transactionalId != null) {
            settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            if (transactionalId != null) {
                producer.initTransactions();
                producer.beginTransaction();
            }
            unwrap(() -> producer.send(new ProducerRecord<>(topic, "k".getBytes(), "v".getBytes())).get());
            if (transactionalId != null) {
                producer.commitTransaction();
            }
        }
    }

    /** Records read from partition 0 of {@code topic} (assigned, or subscribed and committed in {@code group}). */
    private static int read(Map<String, Object> client, String topic, String group) {
        Map<String, Object> settings = ClientSettings.consumer(client);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (group != null) {
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (group != null) {
                consumer.subscribe(List.of(topic));
            } else {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int count = 0;
            while (count == 0 && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                count += records.count();
            }
            if (group != null && count > 0) {
                consumer.commitSync();
            }
            return count;
        }
    }

    /** The Kafka error a future failed with, as a client's caller meets it. */
    private static void unwrap(Attempt attempt) throws Exception {
        try {
            attempt.run();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static Map<String, Object> client(String principal) {
        return new HashMap<>(TipSettings.load(files.get(principal), Map.of(), Map.of()).kafka());
    }
}
