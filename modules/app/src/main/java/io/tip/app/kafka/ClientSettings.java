package io.tip.app.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka clients log a warning for every setting they do not know, and tip's settings hold the
 * registry's and the engine's too; each client is handed only its own (security settings included).
 */
public final class ClientSettings {
    private ClientSettings() {
    }

    public static Map<String, Object> admin(Map<String, Object> settings) {
        return only(settings, AdminClientConfig.configNames());
    }

    public static Map<String, Object> producer(Map<String, Object> settings) {
        return only(settings, ProducerConfig.configNames());
    }

    public static Map<String, Object> consumer(Map<String, Object> settings) {
        return only(settings, ConsumerConfig.configNames());
    }

    private static Map<String, Object> only(Map<String, Object> settings, Set<String> names) {
        Map<String, Object> own = new HashMap<>();
        settings.forEach((k, v) -> {
            if (names.contains(k)) {
                own.put(k, v);
            }
        });
        return own;
    }
}
