package io.tip.app.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import io.tip.app.cli.UserError;
import io.tip.app.config.TipSettings;
import io.tip.app.kafka.VaultPublisher;
import io.tip.app.pipeline.PipelineService;
import io.tip.devstack.registry.SchemaRegistryServerConfig;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;

/**
 * Who may do what on a secured cluster: one principal per job, each allowed only its job. The
 * {@code admin} principal is a super user (the broker's {@code super.users}) and needs no ACL.
 * <ul>
 * <li>{@value #PRODUCER}: writes {@code market-events} (idempotent producer: WRITE on the topic is enough since Kafka 2.8, KIP-679).</li>
 * <li>{@value #LOADER}: `tip load` — reads and writes the tables under its transactional id.</li>
 * <li>{@value #PIPELINE}: `tip run` — its application id's group, and its internal topics and transactional ids
 * ({@code <application.id>-…}), reads its inputs and its own outputs (the state step re-reads thesis-impacts; the HTTP
 * API reads impacts, alerts and the inbox topics), writes its outputs and every {@code impacts.NAME}, and
 * writes {@code market-events} for {@code POST /api/events}.</li>
 * <li>{@code analyst-NAME}: reads {@code impacts.NAME} only, in the consumer group {@code analyst-NAME} or {@code analyst-NAME/…}.</li>
 * </ul>
 * The producer, loader and pipeline may also DESCRIBE every topic of the catalogue: each tip command starts by
 * checking that they exist (and creating the missing ones), and a topic a principal cannot describe looks missing.
 * DESCRIBE shows that a topic exists and its offsets, never its records. (Kafka's READ, WRITE and DELETE imply
 * DESCRIBE, so it is not granted beside them.)
 */
public final class AccessPlan {
    public static final String PRODUCER = "producer";
    public static final String PIPELINE = "pipeline";
    public static final String LOADER = "loader";
    /** Analyst principals are this plus the name of their subscription. */
    public static final String ANALYST_PREFIX = "analyst-";

    private final Topics topics;
    private final String applicationId;
    private final String loadTransactionalId;

    /**
     * @param applicationId       the pipeline's application.id
     * @param loadTransactionalId the transactional id of `tip load`
     */
    public AccessPlan(Topics topics, String applicationId, String loadTransactionalId) {
        // The pipeline may do anything to what starts with "<application.id>-": nothing else of tip's may.
        String own = applicationId + "-";
        Map<String, String> othersTransactionalIds = Map.of("tip load's", loadTransactionalId,
                "tip's schema registry's", SchemaRegistryServerConfig.transactionalId(SchemaRegistryServerConfig.DEFAULT_TOPIC));
        othersTransactionalIds.forEach((whose, id) -> {
            if (id.startsWith(own)) {
                throw new UserError("application.id '" + applicationId + "' would give the pipeline " + whose + " transactional id '"
                        + id + "': choose another application.id");
            }
        });
        for (Topic<?, ?> topic : topics.all()) {
            if (topic.name().startsWith(own)) {
                throw new UserError("application.id '" + applicationId + "' would give the pipeline every right on topic '" + topic.name()
                        + "' (its ACLs cover the topics starting with '" + own + "'): choose an application.id that no topic name starts with");
            }
        }
        this.topics = topics;
        this.applicationId = applicationId;
        this.loadTransactionalId = loadTransactionalId;
    }

    /** The plan for these settings' topic names, the pipeline's application.id and `tip load`'s transactional id. */
    public static AccessPlan of(TipSettings settings) {
        Topics topics = settings.topics();
        return new AccessPlan(topics, PipelineService.applicationId(settings, topics), VaultPublisher.transactionalId(topics));
    }

    public static String analyst(String subscription) {
        return ANALYST_PREFIX + subscription;
    }

    /** Consumer groups an analyst may use besides {@code analyst-NAME}: {@code analyst-NAME/anything}. */
    public static String analystGroupPrefix(String subscription) {
        return analyst(subscription) + "/";
    }

    /** Every principal's ACLs, the fixed ones first, then one analyst per subscription name. */
    public Map<String, List<AclBinding>> acls(List<String> subscriptions) {
        Map<String, List<AclBinding>> acls = new LinkedHashMap<>();
        acls.put(PRODUCER, producer());
        acls.put(LOADER, loader());
        acls.put(PIPELINE, pipeline());
        for (String subscription : subscriptions) {
            acls.put(analyst(subscription), analystOf(subscription));
        }
        return acls;
    }

    private List<AclBinding> producer() {
        Grants grants = new Grants(PRODUCER);
        grants.topic(topics.marketEvents(), AclOperation.WRITE);
        grants.describeCatalogue(topics);
        return grants.list;
    }

    private List<AclBinding> loader() {
        Grants grants = new Grants(LOADER);
        for (Topic<?, ?> table : List.of(topics.theses(), topics.implications(), topics.entities())) {
            grants.topic(table, AclOperation.READ, AclOperation.WRITE);
        }
        grants.add(ResourceType.TRANSACTIONAL_ID, loadTransactionalId, PatternType.LITERAL, AclOperation.WRITE);
        grants.describeCatalogue(topics);
        return grants.list;
    }

    private List<AclBinding> pipeline() {
        Grants grants = new Grants(PIPELINE);
        // Kafka Streams' own resources: the consumer group is the application id; changelog and repartition topics
        // (created, checked, deleted by a reset) and exactly-once's transactional ids are "<application id>-…".
        // With the dash: a bare "tip" prefix would also cover "tip.load.theses" or a topic prefix "tip…".
        String own = applicationId + "-";
        grants.add(ResourceType.TOPIC, own, PatternType.PREFIXED, AclOperation.CREATE, AclOperation.DELETE, AclOperation.READ,
                AclOperation.WRITE, AclOperation.DESCRIBE_CONFIGS);
        grants.add(ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ);
        grants.add(ResourceType.TRANSACTIONAL_ID, own, PatternType.PREFIXED, AclOperation.WRITE);
        for (Topic<?, ?> input : List.of(topics.marketEvents(), topics.theses(), topics.implications(), topics.entities(), topics.subscriptions())) {
            grants.topic(input, AclOperation.READ);
        }
        for (Topic<?, ?> output : List.of(topics.impacts(), topics.alerts(), topics.unmatched(), topics.deadLetters())) {
            grants.topic(output, AclOperation.READ, AclOperation.WRITE);
        }
        grants.topic(topics.state(), AclOperation.WRITE);
        grants.topic(topics.marketEvents(), AclOperation.WRITE);
        grants.add(ResourceType.TOPIC, topics.subscriptionTopicName(""), PatternType.PREFIXED, AclOperation.WRITE);
        grants.describeCatalogue(topics);
        return grants.list;
    }

    private List<AclBinding> analystOf(String subscription) {
        Grants grants = new Grants(analyst(subscription));
        grants.add(ResourceType.TOPIC, topics.subscriptionTopicName(subscription), PatternType.LITERAL, AclOperation.READ);
        // Its group, and any group "analyst-NAME/…": subscription names may hold '.', '_' and '-', so a plain prefix
        // "analyst-desk" would also cover analyst-desk-2's groups; '/' cannot be in a name.
        grants.add(ResourceType.GROUP, analyst(subscription), PatternType.LITERAL, AclOperation.READ);
        grants.add(ResourceType.GROUP, analystGroupPrefix(subscription), PatternType.PREFIXED, AclOperation.READ);
        return grants.list;
    }

    /**
     * The same ACLs as {@code kafka-acls.sh} commands run by a super user ({@code --command-config} holds its
     * client settings): one per principal and set of operations, naming every resource they apply to.
     */
    public static List<String> kafkaAclsCommands(Map<String, List<AclBinding>> acls, String bootstrapServers, String commandConfig) {
        Map<String, List<AclOperation>> operations = new LinkedHashMap<>(); // by principal and resource pattern
        Map<String, AclBinding> firstOf = new LinkedHashMap<>();
        acls.values().forEach(bindings -> bindings.forEach(b -> {
            String key = b.entry().principal() + " " + b.pattern();
            operations.computeIfAbsent(key, k -> new ArrayList<>()).add(b.entry().operation());
            firstOf.putIfAbsent(key, b);
        }));
        Map<String, StringBuilder> commands = new LinkedHashMap<>(); // by principal, operations and kind of resource
        operations.forEach((key, ops) -> {
            ResourcePattern pattern = firstOf.get(key).pattern();
            String principal = firstOf.get(key).entry().principal();
            String option = switch (pattern.resourceType()) {
                case TOPIC -> "--topic";
                case GROUP -> "--group";
                case TRANSACTIONAL_ID -> "--transactional-id";
                default -> throw new IllegalStateException("no kafka-acls.sh option for " + pattern.resourceType());
            };
            String prefixed = pattern.patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "";
            commands.computeIfAbsent(principal + ops + option + prefixed, k -> {
                StringBuilder command = new StringBuilder("kafka-acls.sh --bootstrap-server " + bootstrapServers + " --command-config "
                        + commandConfig + " --add --allow-principal " + principal + prefixed);
                ops.forEach(op -> command.append(" --operation ").append(pascalCase(op.name())));
                return command;
            }).append(' ').append(option).append(' ').append(pattern.name());
        });
        return commands.values().stream().map(StringBuilder::toString).toList();
    }

    /** DESCRIBE_CONFIGS as kafka-acls.sh spells it: DescribeConfigs. */
    private static String pascalCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    /** ALLOW bindings of one principal, from any host, without repeats. */
    private static final class Grants {
        private final String principal;
        private final List<AclBinding> list = new ArrayList<>();

        Grants(String user) {
            this.principal = "User:" + user;
        }

        void topic(Topic<?, ?> topic, AclOperation... operations) {
            add(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, operations);
        }

        /** DESCRIBE on the catalogue's topics this principal has no right on yet (READ and WRITE imply DESCRIBE). */
        void describeCatalogue(Topics topics) {
            for (Topic<?, ?> topic : topics.all()) {
                ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic.name(), PatternType.LITERAL);
                if (list.stream().noneMatch(b -> b.pattern().equals(pattern))) {
                    add(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.DESCRIBE);
                }
            }
        }

        void add(ResourceType type, String name, PatternType pattern, AclOperation... operations) {
            for (AclOperation operation : operations) {
                AclBinding binding = new AclBinding(new ResourcePattern(type, name, pattern),
                        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
                if (!list.contains(binding)) {
                    list.add(binding);
                }
            }
        }
    }
}
