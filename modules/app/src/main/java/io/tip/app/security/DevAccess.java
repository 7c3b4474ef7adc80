package io.tip.app.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.streams.StreamsConfig;

import io.tip.app.config.AppConfig;
import io.tip.app.config.TipSettings;
import io.tip.app.kafka.KafkaCluster;
import io.tip.app.pipeline.PipelineService;
import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.broker.BrokerSecurity;
import io.tip.model.topics.Topics;

/**
 * What {@code tip dev --secure} sets up on its secured broker: a SCRAM user per principal of the
 * {@link AccessPlan} plus {@code admin}, their ACLs, tip's topics (created by {@code admin}, as no other
 * principal may create them), and one credentials file per principal.
 */
public final class DevAccess {
    private DevAccess() {
    }

    /**
     * @param settings      tip's settings (topic prefix, application.id, partitions) for the names the ACLs use
     * @param subscriptions the subscriptions to make an {@code analyst-NAME} principal for
     * @return each principal's credentials file, admin first
     */
    public static Map<String, Path> provision(EmbeddedStack stack, TipSettings settings, List<String> subscriptions, CredentialFiles files) {
        settings = settings.with(AppConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers()).with(AppConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        Topics topics = settings.topics();
        String applicationId = PipelineService.applicationId(settings, topics);
        Map<String, List<AclBinding>> acls = AccessPlan.of(settings).acls(subscriptions);

        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(BrokerSecurity.ADMIN_USER, files.passwordOf(BrokerSecurity.ADMIN_USER, BrokerSecurity::newPassword));
        acls.keySet().forEach(principal -> passwords.put(principal, files.passwordOf(principal, BrokerSecurity::newPassword)));
        stack.broker().upsertScramUsers(passwords);
        List<AclBinding> all = new ArrayList<>();
        acls.values().forEach(all::addAll);
        stack.broker().grant(all);

        Map<String, Object> admin = settings(stack, BrokerSecurity.ADMIN_USER, passwords.get(BrokerSecurity.ADMIN_USER));
        try (KafkaCluster cluster = KafkaCluster.connect(admin)) {
            cluster.ensureTopics(topics.all(), settings.app().topicPartitions(), settings.app().topicReplicationFactor());
        }

        Map<String, Path> written = new LinkedHashMap<>();
        passwords.forEach((principal, password) -> {
            Map<String, Object> connection = settings(stack, principal, password);
            String job;
            if (principal.equals(AccessPlan.PIPELINE)) {
                connection.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
                job = "tip run --config FILE";
            } else if (principal.startsWith(AccessPlan.ANALYST_PREFIX)) {
                connection.put(ConsumerConfig.GROUP_ID_CONFIG, principal);
                job = "reads " + topics.subscriptionTopicName(principal.substring(AccessPlan.ANALYST_PREFIX.length()))
                        + ", e.g. kafka-console-consumer.sh --consumer.config FILE";
            } else if (principal.equals(AccessPlan.LOADER)) {
                job = "tip load --config FILE VAULT";
            } else if (principal.equals(AccessPlan.PRODUCER)) {
                job = "tip publish --config FILE EVENTS";
            } else {
                job = "super user: tip subscribe, kafka-acls.sh --command-config FILE";
            }
            written.put(principal, files.write(principal, "tip dev --secure: principal User:" + principal + " (" + job + ")", connection));
        });
        return written;
    }

    private static Map<String, Object> settings(EmbeddedStack stack, String user, String password) {
        Map<String, Object> settings = new LinkedHashMap<>(BrokerSecurity.scramClient(stack.bootstrapServers(), user, password));
        settings.put(AppConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        return settings;
    }
}
