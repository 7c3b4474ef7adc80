package io.tip.app.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tip.model.topics.Topic;

/** Reads a compacted topic from the start to its current end: the table as it stands now. */
public final class TableReader {
    private TableReader() {
    }

    public static <V> Map<String, V> read(Map<String, Object> kafkaSettings, Topic<String, V> topic) {
        Map<String, V> table = new LinkedHashMap<>();
        try (TopicFeed<V> feed = new TopicFeed<>(kafkaSettings, topic, true)) {
            while (!feed.caughtUp()) {
                feed.poll(Duration.ofMillis(200), (key, value) -> {
                    if (value == null) {
                        table.remove(key);
                    } else {
                        table.put(key, value);
                    }
                });
            }
        }
        return table;
    }
}
