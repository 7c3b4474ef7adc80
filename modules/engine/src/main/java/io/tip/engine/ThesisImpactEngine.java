package io.tip.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.apache.kafka.streams.Topology;

import io.tip.model.topics.Topics;

/**
 * Everything a Kafka Streams application needs to run tip: the topology and the settings it relies
 * on, with the {@link PipelineListener} wired into both (the topology's processors report to it, and
 * so does the dead-letter handler Kafka Streams creates from the settings). One factory, so no caller
 * can hand the listener to one and forget the other, which silently zeroed dead-letter metrics.
 * <pre>{@code
 * ThesisImpactEngine engine = ThesisImpactEngine.create(config, topics, metrics);
 * KafkaStreams streams = new KafkaStreams(engine.topology(), engine.streamsProperties(operatorSettings));
 * }</pre>
 */
public final class ThesisImpactEngine {
    private final Topology topology;
    private final Topics topics;
    private final PipelineListener listener;

    private ThesisImpactEngine(Topology topology, Topics topics, PipelineListener listener) {
        this.topology = topology;
        this.topics = topics;
        this.listener = listener;
    }

    public static ThesisImpactEngine create(EngineConfig config, Topics topics, PipelineListener listener) {
        Objects.requireNonNull(listener, "listener (PipelineListener.NONE for none)");
        return new ThesisImpactEngine(ThesisImpactTopology.build(config, topics, listener), topics, listener);
    }

    public static ThesisImpactEngine create(EngineConfig config, Topics topics) {
        return create(config, topics, PipelineListener.NONE);
    }

    public Topology topology() {
        return topology;
    }

    /** tip's defaults (exactly-once, the dead-letter topic and handler) for the caller to read or print. */
    public Map<String, Object> streamsDefaults() {
        return ThesisImpactTopology.streamsDefaults(topics);
    }

    /**
     * The settings for {@code new KafkaStreams(topology(), …)}: tip's defaults, then {@code settings}
     * (the operator's win), then the listener, which no setting can replace.
     */
    public Properties streamsProperties(Map<String, ?> settings) {
        Map<String, Object> all = new HashMap<>(streamsDefaults());
        all.putAll(settings);
        all.put(PipelineListener.CONFIG_KEY, listener);
        Properties props = new Properties();
        props.putAll(all);
        return props;
    }
}
