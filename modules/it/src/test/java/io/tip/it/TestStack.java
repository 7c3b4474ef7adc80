package io.tip.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tip.app.config.TipSettings;
import io.tip.devstack.broker.EmbeddedKafka;
import io.tip.devstack.broker.EmbeddedKafkaConfig;
import io.tip.model.topics.Topics;
import io.tip.devstack.registry.SchemaRegistryServer;
import io.tip.devstack.registry.SchemaRegistryServerConfig;

/**
 * A real single-node broker and the schema registry over HTTP, in the test JVM. Unlike
 * {@code EmbeddedStack} it can restart the broker under a running pipeline (same port, same data).
 */
final class TestStack implements AutoCloseable {
    private volatile EmbeddedKafka kafka;
    private final SchemaRegistryServer registry;
    private final Topics topics;

    private TestStack(EmbeddedKafka kafka, SchemaRegistryServer registry) {
        this.kafka = kafka;
        this.registry = registry;
        this.topics = Topics.create("", Map.of("schema.registry.url", registry.url()));
    }

    static TestStack start(Path dir) {
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.in(dir.resolve("kafka")));
        return new TestStack(kafka, SchemaRegistryServer.start(SchemaRegistryServerConfig.forKafka(kafka.bootstrapServers())));
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    /** The topic catalogue with serdes talking to this registry. */
    Topics topics() {
        return topics;
    }

    /** The connection flags every tip command needs to reach this stack. */
    String[] connection() {
        return new String[] {"--bootstrap-servers", bootstrapServers(), "--schema-registry-url", registryUrl()};
    }

    /** Settings for a pipeline in this JVM: this stack plus {@code extra} (application.id, state.dir, ...). */
    TipSettings settings(Map<String, String> extra) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("bootstrap.servers", bootstrapServers());
        flags.put("schema.registry.url", registryUrl());
        flags.putAll(extra);
        return TipSettings.load(null, Map.of(), flags);
    }

    /** Stops the broker and starts it again on the same port and data directory. */
    void restartBroker() {
        kafka = kafka.restart();
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
