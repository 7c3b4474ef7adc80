package io.tip.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.tip.model.topics.Topics;

/** The Kafka Streams settings tip brings: exactly-once and its measured producer batches, each one the operator's to override. */
class StreamsDefaultsTest {
    private final ThesisImpactEngine engine = ThesisImpactEngine.create(new EngineConfig(Map.of()),
            Topics.create("", Map.of("schema.registry.url", "mock://streams-defaults")));

    @Test
    void tipRunsExactlyOnceWithLargeProducerBatches() {
        Properties props = engine.streamsProperties(Map.of());

        assertThat(props.get("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(props.get("producer.batch.size")).isEqualTo(256 * 1024);
    }

    @Test
    void whatTheOperatorSetsWins() {
        Properties props = engine.streamsProperties(Map.of("producer.batch.size", "16384", "processing.guarantee", "at_least_once"));

        assertThat(props.get("producer.batch.size")).isEqualTo("16384");
        assertThat(props.get("processing.guarantee")).isEqualTo("at_least_once");
    }
}
