package io.tip.bench.harness;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import io.tip.engine.EngineConfig;
import io.tip.engine.ThesisImpactEngine;
import io.tip.model.topics.Topics;

/** The two applications compared, with the same guarantee, threads and client settings. */
public final class StreamsApps {
    public static final String PASSTHROUGH_ID = "bench-passthrough";
    public static final String PIPELINE_ID = "bench-pipeline";

    private final BenchStack stack;
    private final String guarantee;
    private final int threads;

    public StreamsApps(BenchStack stack, String guarantee, int threads) {
        this.stack = stack;
        this.guarantee = guarantee;
        this.threads = threads;
    }

    /** {@code stream(market-events).to(passthrough)}, deserializing and re-serializing with tip's Avro serde. */
    public App passthrough(Progress progress) {
        Topics topics = stack.topics();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.marketEvents().name(), Consumed.with(Serdes.String(), topics.marketEvents().valueSerde()))
                .peek((id, event) -> progress.unmatched())
                .to(BenchStack.PASSTHROUGH_TOPIC, Produced.with(Serdes.String(), topics.marketEvents().valueSerde()));
        return new App(PASSTHROUGH_ID, builder.build(), properties(PASSTHROUGH_ID, Map.of(), Map.of()), List.of(BenchStack.PASSTHROUGH_TOPIC));
    }

    /** tip's own topology with the settings tip relies on, only the guarantee set to the one compared, and {@code overrides} over them. */
    public App pipeline(Progress progress, Map<String, String> overrides) {
        Topics topics = stack.topics();
        ThesisImpactEngine engine = ThesisImpactEngine.create(new EngineConfig(Map.of()), topics, progress);
        List<String> outputs = List.of(topics.unmatched().name(), topics.impacts().name(), topics.state().name(),
                topics.alerts().name(), topics.deadLetters().name());
        return new App(PIPELINE_ID, engine.topology(), properties(PIPELINE_ID, engine.streamsProperties(Map.of()), overrides), outputs);
    }

    private Properties properties(String applicationId, Map<?, ?> base, Map<String, String> overrides) {
        Properties props = new Properties();
        props.putAll(base);
        props.putAll(overrides);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stack.stateDir(applicationId).toString());
        return props;
    }

    /** An application ready to start, and every topic it writes besides its internal ones. */
    public record App(String id, Topology topology, Properties properties, List<String> outputs) {
    }
}
