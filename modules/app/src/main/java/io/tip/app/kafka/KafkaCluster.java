package io.tip.app.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.tip.app.cli.UserError;
import io.tip.model.topics.Topic;

/** The admin side of the cluster tip talks to: is it there, and do its topics exist. */
public final class KafkaCluster implements AutoCloseable {
    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(15);

    private final Admin admin;
    private final String bootstrapServers;

    private KafkaCluster(Admin admin, String bootstrapServers) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
    }

    /** Connects and checks the cluster answers, failing with what to do if it does not. */
    public static KafkaCluster connect(Map<String, Object> kafkaSettings) {
        Map<String, Object> settings = new HashMap<>(kafkaSettings);
        settings.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REACH_TIMEOUT.toMillis());
        settings.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REACH_TIMEOUT.toMillis());
        String servers = String.valueOf(settings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        // default.api.timeout.ms bounds the wait too: containers that start together on a busy host took longer than 15 s
        long reachMillis = Long.parseLong(String.valueOf(settings.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG)));
        Admin admin = Admin.create(ClientSettings.admin(settings));
        try {
            admin.describeCluster().clusterId().get(reachMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            admin.close(Duration.ZERO);
            throw new UserError("cannot reach Kafka at " + servers + " — start one with `./tip dev`, or point tip at your "
                    + "cluster with --bootstrap-servers (and --config for SASL/SSL settings)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while connecting to Kafka at " + servers);
        }
        return new KafkaCluster(admin, servers);
    }

    /** Fails with what to do when the cluster cannot be reached. */
    public static void requireReachable(Map<String, Object> kafkaSettings) {
        connect(kafkaSettings).close();
    }

    /** Creates the topics that do not exist yet; existing ones are left exactly as they are. */
    public List<String> ensureTopics(List<Topic<?, ?>> topics, int partitions, short replicationFactor) {
        List<String> created = new ArrayList<>();
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), Optional.of(partitions), Optional.of(replicationFactor))
                            .configs(topic.retention().topicConfig()));
                }
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get();
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // another instance was quicker
                        throw new UserError("cannot create topic " + entry.getKey() + " on " + bootstrapServers + ": "
                                + e.getCause().getMessage());
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new UserError("cannot list topics on " + bootstrapServers + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while creating topics");
        }
        return created;
    }

    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
