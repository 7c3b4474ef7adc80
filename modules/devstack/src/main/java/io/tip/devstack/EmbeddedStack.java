package io.tip.devstack;

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
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.in(config.dataDir()).withPort(config.kafkaPort()));
        try {
            SchemaRegistryServer registry = SchemaRegistryServer.start(
                SchemaRegistryServerConfig.forKafka(kafka.bootstrapServers()).withSettings(config.registry())
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
