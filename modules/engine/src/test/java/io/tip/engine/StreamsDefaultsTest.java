package io.tip.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.tip.model.topics.Topics;

/** The Kafka Streams settings tip brings, each one the operator's to override. */
class StreamsDefaultsTest {
    private final ThesisImpactEngine engine = ThesisImpactEngine.create(new EngineConfig(Map.of()),
            Topics.create("", Map.of("schema.registry.url", "mock://streams-defaults")));

    @Test
    void tipRunsExactlyOnceWithItsDeadLetterTopic() {
        Properties props = engine.streamsProperties(Map.of());

        assertThat(props.get("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(props.get("errors.dead.letter.queue.topic.name")).isEqualTo("market-events.dlq");
        assertThat(props).doesNotContainKey("producer.batch.size");
    }

    @Test
    void whatTheOperatorSetsWins() {
        Properties props = engine.streamsProperties(Map.of("producer.batch.size", "262144", "processing.guarantee", "at_least_once"));

        assertThat(props.get("producer.batch.size")).isEqualTo("262144");
        assertThat(props.get("processing.guarantee")).isEqualTo("at_least_once");
    }
}
