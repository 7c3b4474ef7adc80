package io.tip.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;
import io.tip.registry.client.RegistryClientConfig;
import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.EmbeddedStackConfig;

/**
 * One embedded broker and registry in this process, in a temporary folder removed on close, with
 * tip's topics and the passthrough's output topic created at the same partition count. Events
 * and outputs get their broker append time as timestamp: the latency clock starts when an event
 * is appended, and the impact carries that time through the topology.
 */
public final class BenchStack implements AutoCloseable {
    public static final String PASSTHROUGH_TOPIC = "bench-passthrough";

    private final Path dataDir;
    private final EmbeddedStack stack;
    private final Topics topics;
    private final Admin admin;

    private BenchStack(Path dataDir, EmbeddedStack stack, Topics topics, Admin admin) {
        this.dataDir = dataDir;
        this.stack = stack;
        this.topics = topics;
        this.admin = admin;
    }

    public static BenchStack start(int partitions) throws IOException {
        Path dataDir = Files.createTempDirectory("tip-bench-");
        EmbeddedStack stack = EmbeddedStack.start(EmbeddedStackConfig.in(dataDir.resolve("kafka")));
        Topics topics = Topics.create("", Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()));
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
        BenchStack bench = new BenchStack(dataDir, stack, topics, admin);
        bench.createTopics(partitions);
        return bench;
    }

    private void createTopics(int partitions) {
        List<NewTopic> all = new ArrayList<>();
        for (Topic<?, ?> topic : topics.all()) {
            Map<String, String> configs = new HashMap<>(topic.retention().topicConfig());
            if (topic.name().equals(topics.marketEvents().name())) {
                configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
            }
            all.add(new NewTopic(topic.name(), Optional.of(partitions), Optional.empty()).configs(configs));
        }
        all.add(new NewTopic(PASSTHROUGH_TOPIC, Optional.of(partitions), Optional.empty()));
        create(all, "the benchmark topics");
    }

    /** The topics impacts.NAME of these subscriptions, one partition each (a thousand of them is a lot of partitions for one broker). */
    public void createSubscriptionTopics(List<String> names) {
        List<NewTopic> all = new ArrayList<>();
        names.forEach(n -> all.add(new NewTopic(topics.subscriptionTopicName(n), Optional.of(1), Optional.empty())));
        create(all, "the subscription topics");
    }

    private void create(List<NewTopic> newTopics, String what) {
        try {
            admin.createTopics(newTopics).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + what + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + what, e);
        }
    }

    /** Committed records in the topics of these subscriptions: the copies the pipeline routed. */
    public long routedCopies(List<String> names) {
        return names.isEmpty() ? 0 : RecordCounter.records(stack.bootstrapServers(), admin,
                names.stream().map(topics::subscriptionTopicName).toList());
    }

    public String bootstrapServers() { return stack.bootstrapServers(); }
    public Topics topics() { return topics; }
    public Admin admin() { return admin; }
    public Path stateDir(String applicationId) { return dataDir.resolve("streams").resolve(applicationId); }

    @Override
    public void close() {
        admin.close();
        stack.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dataDir, e);
        }
    }
}
