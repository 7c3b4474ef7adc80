package io.tip.app.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

import io.tip.app.alert.AlertConfig;
import io.tip.devstack.registry.RegistryServerSettings;
import io.tip.engine.EngineConfig;
import io.tip.registry.serde.AvroSerdeConfig;

/**
 * Which setting names mean something: tip's own (each defined once, in {@link AppConfig},
 * {@link EngineConfig}, {@link AlertConfig}, {@link RegistryServerSettings} and the serde's config), and Kafka's client and Streams settings, which pass
 * through. A name that is neither is a typo, reported with the closest real name.
 */
public final class SettingNames {
    /** Prefixes Kafka Streams forwards to its clients; what follows must be a client setting. */
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX);
    private static final Set<String> TIP = new TreeSet<>();
    private static final Set<String> KAFKA = new TreeSet<>();
    private static final Set<String> TOPIC_CONFIGS = new HashSet<>();

    static {
        TIP.addAll(AppConfig.CONFIG.names());
        TIP.addAll(EngineConfig.CONFIG.names());
        TIP.addAll(AvroSerdeConfig.definition().names());
        TIP.addAll(AlertConfig.CONFIG.names());
        TIP.addAll(RegistryServerSettings.CONFIG.names());
        KAFKA.addAll(StreamsConfig.configDef().names());
        KAFKA.addAll(ConsumerConfig.configNames());
        KAFKA.addAll(ProducerConfig.configNames());
        KAFKA.addAll(AdminClientConfig.configNames());
        for (Field field : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG") && field.getType() == String.class) {
                try {
                    TOPIC_CONFIGS.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private SettingNames() {
    }

    /** A setting for Kafka's clients or Kafka Streams (security included), passed through unchanged. */
    public static boolean isKafka(String name) {
        if (KAFKA.contains(name)) {
            return true;
        }
        for (String prefix : CLIENT_PREFIXES) {
            if (name.startsWith(prefix) && KAFKA.contains(name.substring(prefix.length()))) {
                return true;
            }
        }
        // Streams' "topic." prefix configures its internal topics: only with a real topic setting after it,
        // so a mistyped tip setting such as topic.prefx is not taken for one.
        return name.startsWith(StreamsConfig.TOPIC_PREFIX) && TOPIC_CONFIGS.contains(name.substring(StreamsConfig.TOPIC_PREFIX.length()));
    }

    public static boolean isKnown(String name) {
        return TIP.contains(name) || isKafka(name);
    }

    /** The real setting name closest to {@code name} (edit distance), if one is reasonably close. */
    public static Optional<String> closest(String name) {
        Set<String> all = new TreeSet<>(TIP);
        all.addAll(KAFKA);
        return all.stream().min(Comparator.comparingInt(candidate -> distance(name, candidate)))
                .filter(candidate -> distance(name, candidate) <= Math.max(2, name.length() / 3));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
