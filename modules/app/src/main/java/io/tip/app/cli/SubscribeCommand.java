package io.tip.app.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import io.tip.app.config.ConnectionOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.format.ThesisNames;
import io.tip.app.kafka.KafkaCluster;
import io.tip.app.kafka.SubscriptionTable;
import io.tip.app.kafka.TableReader;
import io.tip.model.Stance;
import io.tip.model.Subscription;
import io.tip.model.Thesis;
import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;
import io.tip.registry.client.SchemaRegistryClient;
import io.tip.registry.client.SchemaRegistryException;
import io.tip.registry.serde.AvroSerdeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Manage subscriptions: each one gets its own topic impacts.NAME, which the running pipeline fills with "
                + "every committed impact that matches (changes apply live, no restart).",
        subcommands = {SubscribeCommand.Create.class, SubscribeCommand.ListAll.class, SubscribeCommand.Delete.class},
        footer = {"", "Examples:",
                "  tip subscribe create semis-desk --tag semis --min-magnitude 0.3 --owner User:alice",
                "  tip subscribe create groq-watch --thesis \"Training-inference convergence\" --stance challenges --max-order 1",
                "  tip subscribe list",
                "  tip subscribe delete groq-watch --delete-topic"})
public final class SubscribeCommand implements Callable<Integer> {
    /** Kafka's topic name characters; the topic is impacts.NAME, so NAME may use them all. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    @Override
    public Integer call() {
        throw new UserError("say what to do: `tip subscribe create NAME ...`, `tip subscribe list` or `tip subscribe delete NAME`");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create (or replace) a subscription and its topic impacts.NAME. Theses and tags select theses (either "
                    + "list; none = every thesis); stance, magnitude and order filter their impacts.")
    static final class Create implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Letters, digits, '.', '_' or '-'; the topic is impacts.NAME.")
        String name;

        @Option(names = "--thesis", paramLabel = "X", description = "A thesis by id, title or alias (repeatable).")
        List<String> theses = new ArrayList<>();

        @Option(names = "--tag", paramLabel = "T", description = "Theses with this tag (repeatable).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--stance", paramLabel = "S", description = "Only SUPPORTS, CHALLENGES or REVIEW impacts (repeatable).")
        List<String> stances = new ArrayList<>();

        @Option(names = "--min-magnitude", paramLabel = "M", defaultValue = "0", description = "Only impacts at least this strong, 0..1 (default: ${DEFAULT-VALUE}).")
        double minMagnitude;

        @Option(names = "--max-order", paramLabel = "N", defaultValue = "0", description = "Only impacts of at most this order (1 = direct only; default: ${DEFAULT-VALUE} = any).")
        int maxOrder;

        @Option(names = "--owner", paramLabel = "PRINCIPAL", description = "Who it is for, e.g. User:alice (the principal ACLs give impacts.NAME to).")
        String owner;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            Subscription.Builder subscription = Subscription.newBuilder().setName(checkedName(name))
                    .setTags(tags.stream().map(t -> t.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT)).distinct().toList())
                    .setStances(stances.stream().map(Create::stance).distinct().toList())
                    .setMinMagnitude(checked(minMagnitude))
                    .setMaxOrder(checkedOrder(maxOrder))
                    .setOwner(owner)
                    .setCreatedAt(Instant.now());
            TipSettings settings = connection.settings();
            Topics topics = settings.topics();
            try (KafkaCluster cluster = KafkaCluster.connect(settings.kafka())) {
                cluster.ensureTopics(topics.all(), settings.app().topicPartitions(), settings.app().topicReplicationFactor());
                subscription.setTheses(thesisIds(settings, topics));
                // The topic first: the pipeline routes to it as soon as it sees the subscription.
                Topic<String, ?> topic = topics.subscriptionImpacts(name);
                List<String> created = cluster.ensureTopics(List.of(topic), settings.app().topicPartitions(),
                        settings.app().topicReplicationFactor());
                registerSubject(settings, topic.name());
                SubscriptionTable table = new SubscriptionTable(settings.kafka(), topics.subscriptions());
                boolean existed = table.read().containsKey(name);
                Subscription written = subscription.build();
                table.put(written);
                System.out.println("subscription " + name + (existed ? " replaced" : " created") + ": " + SubscribeCommand.describe(written));
                System.out.println("impacts go to topic " + topic.name() + (created.isEmpty() ? " (already there)" : " (created)"));
            }
            return 0;
        }

        /**
         * The pipeline writes each copy with thesis-impacts' schema id and registers nothing on the way
         * (see the engine's ImpactBytes); the topic's own subject is registered here, once, for tools
         * that look a topic's schema up by subject.
         */
        private static void registerSubject(TipSettings settings, String topic) {
            AvroSerdeConfig serde = new AvroSerdeConfig(settings.serde());
            if (!serde.autoRegisterSchemas()) {
                return; // schemas are registered by whoever manages the registry
            }
            try {
                SchemaRegistryClient.create(serde.clientConfig()).register(topic + "-value", ThesisImpact.getClassSchema());
            } catch (SchemaRegistryException e) {
                throw new UserError("cannot register the impacts schema for " + topic + " in the schema registry: " + e.getMessage()
                        + " (check --schema-registry-url and its credentials)");
            }
        }

        private List<String> thesisIds(TipSettings settings, Topics topics) {
            if (theses.isEmpty()) {
                return List.of();
            }
            Collection<Thesis> known = TableReader.read(settings.kafka(), topics.theses()).values();
            Set<String> ids = new LinkedHashSet<>();
            for (String wanted : theses) {
                ids.add(ThesisNames.find(wanted, known).map(Thesis::getId).orElseThrow(() -> new UserError("no thesis '" + wanted
                        + "' in " + topics.theses().name() + " (give its id, title or an alias; `tip load VAULT` publishes new notes)")));
            }
            return List.copyOf(ids);
        }

        private static Stance stance(String text) {
            try {
                return Stance.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError("unknown stance '" + text + "' (use SUPPORTS, CHALLENGES or REVIEW)");
            }
        }

        private static double checked(double magnitude) {
            if (!(magnitude >= 0 && magnitude <= 1)) {
                throw new UserError("--min-magnitude " + magnitude + " is not a number from 0 to 1");
            }
            return magnitude;
        }

        private static int checkedOrder(int order) {
            if (order < 0) {
                throw new UserError("--max-order " + order + " must be 0 (any) or more (1 = direct impacts only)");
            }
            return order;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the subscriptions and their topics.")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            TipSettings settings = connection.settings();
            Topics topics = settings.topics();
            KafkaCluster.requireReachable(settings.kafka());
            Map<String, Subscription> all = new SubscriptionTable(settings.kafka(), topics.subscriptions()).read();
            if (all.isEmpty()) {
                System.out.println("no subscriptions (create one with `tip subscribe create NAME --thesis X`)");
            }
            all.values().stream().sorted((a, b) -> a.getName().compareTo(b.getName())).forEach(s ->
                    System.out.println(s.getName() + " -> " + topics.subscriptionTopicName(s.getName()) + ": " + describe(s)));
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a subscription: its topic receives nothing more. The topic and what it holds stay unless --delete-topic.")
    static final class Delete implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--delete-topic", description = "Also delete the topic impacts.NAME and every impact in it.")
        boolean deleteTopic;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() throws InterruptedException {
            TipSettings settings = connection.settings();
            Topics topics = settings.topics();
            try (KafkaCluster cluster = KafkaCluster.connect(settings.kafka())) {
                SubscriptionTable table = new SubscriptionTable(settings.kafka(), topics.subscriptions());
                if (!table.read().containsKey(name)) {
                    throw new UserError("no subscription '" + name + "' (`tip subscribe list` shows them)");
                }
                table.delete(name);
                System.out.println("subscription " + name + " deleted");
                String topic = topics.subscriptionTopicName(name);
                if (deleteTopic) {
                    try {
                        cluster.admin().deleteTopics(List.of(topic)).all().get();
                        System.out.println("topic " + topic + " deleted");
                    } catch (ExecutionException e) {
                        throw new UserError("the subscription is deleted, but topic " + topic + " is not: " + e.getCause().getMessage());
                    }
                } else {
                    System.out.println("topic " + topic + " kept with what it holds (--delete-topic removes it)");
                }
            }
            return 0;
        }
    }

    static String checkedName(String name) {
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new UserError("subscription name '" + name + "' must be 1 to 200 letters, digits, '.', '_' or '-' (it names the topic impacts.NAME)");
        }
        return name;
    }

    static String describe(Subscription s) {
        List<String> parts = new ArrayList<>();
        if (s.getTheses().isEmpty() && s.getTags().isEmpty()) {
            parts.add("every thesis");
        }
        if (!s.getTheses().isEmpty()) {
            parts.add("theses " + String.join(", ", s.getTheses()));
        }
        if (!s.getTags().isEmpty()) {
            parts.add("tags " + String.join(", ", s.getTags()));
        }
        if (!s.getStances().isEmpty()) {
            parts.add("stance " + String.join(" or ", s.getStances().stream().map(Enum::name).toList()));
        }
        if (s.getMinMagnitude() > 0) {
            parts.add(String.format(Locale.ROOT, "magnitude >= %.2f", s.getMinMagnitude()));
        }
        if (s.getMaxOrder() > 0) {
            parts.add("order <= " + s.getMaxOrder());
        }
        if (s.getOwner() != null) {
            parts.add("owner " + s.getOwner());
        }
        return String.join("; ", parts);
    }
}
