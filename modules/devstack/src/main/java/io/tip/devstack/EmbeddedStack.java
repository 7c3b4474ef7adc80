package io.tip.devstack;

import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import io.tip.devstack.broker.BrokerSecurity;
import io.tip.devstack.broker.EmbeddedKafka;
import io.tip.devstack.broker.EmbeddedKafkaConfig;
import io.tip.devstack.registry.SchemaRegistryServer;
import io.tip.devstack.registry.SchemaRegistryServerConfig;

/**
 * The one local stack: a real Kafka broker and a schema registry on it, in this JVM. Used by
 * {@code tip dev}, {@code tip demo}, the tests and the benchmark.
 */
public final class EmbeddedStack implements AutoCloseable {
    private final EmbeddedKafka kafka;
    private final SchemaRegistryServer registry;

    private EmbeddedStack(EmbeddedKafka kafka, SchemaRegistryServer registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Starts the broker, then the registry on it; returns when both serve requests. */
    public static EmbeddedStack start(EmbeddedStackConfig config) {
        return start(config, EmbeddedKafkaConfig.in(config.dataDir()).withPort(config.kafkaPort()));
    }

    /**
     * The same stack with a broker that authenticates clients (SASL/SCRAM-SHA-512) and denies what no
     * ACL allows. No client user exists yet: add them with {@code broker().upsertScramUsers} and allow
     * them with {@code broker().grant}. The registry reaches Kafka as {@link BrokerSecurity#REGISTRY_USER},
     * allowed only on its own topic.
     */
    public static EmbeddedStack startSecured(EmbeddedStackConfig config) {
        return start(config, EmbeddedKafkaConfig.in(config.dataDir()).withPort(config.kafkaPort()).withSecurity());
    }

    private static EmbeddedStack start(EmbeddedStackConfig config, EmbeddedKafkaConfig brokerConfig) {
        EmbeddedKafka kafka = EmbeddedKafka.start(brokerConfig);
        try {
            if (kafka.secured()) {
                kafka.grant(registryAcls(SchemaRegistryServerConfig.DEFAULT_TOPIC));
            }
            SchemaRegistryServer registry = SchemaRegistryServer.start(
                SchemaRegistryServerConfig.forKafka(kafka.registryBootstrapServers()).withSettings(config.registry())
                    .withPort(config.registryPort()));
            return new EmbeddedStack(kafka, registry);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    /** The broker, to add users and ACLs when it is secured. */
    public EmbeddedKafka broker() {
        return kafka;
    }

    /** What the registry does with its topic: create it, read it, append to it in transactions under its own id. */
    private static List<AclBinding> registryAcls(String topic) {
        String principal = "User:" + BrokerSecurity.REGISTRY_USER;
        ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        ResourcePattern writer = new ResourcePattern(ResourceType.TRANSACTIONAL_ID, SchemaRegistryServerConfig.transactionalId(topic),
                PatternType.LITERAL);
        return Stream.concat(Stream.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE).map(op -> allow(principal, pattern, op)),
                Stream.of(allow(principal, writer, AclOperation.WRITE))).toList();
    }

    private static AclBinding allow(String principal, ResourcePattern pattern, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** Registry first: it still reads from the broker while it shuts down. */
    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
