package io.tip.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.Stores;

import io.tip.engine.internal.impact.ImpactFinder;
import io.tip.engine.internal.knowledge.KnowledgeBase;
import io.tip.engine.internal.process.DeadLetterHandler;
import io.tip.engine.internal.process.ImpactBytes;
import io.tip.engine.internal.process.MarketEventProcessor;
import io.tip.engine.internal.process.TableLoader;
import io.tip.engine.internal.process.ThesisStateProcessor;
import io.tip.engine.internal.state.ThesisStateFold;
import io.tip.engine.internal.validate.EventValidator;
import io.tip.engine.internal.process.DeadLetterSendHandler;
import io.tip.engine.internal.process.TableRecordDeserializer;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;

/**
 * The thesis impact pipeline as a Kafka Streams topology:
 * <pre>
 * theses, implications, entities ──► global stores + in-memory index (every instance)
 * subscriptions ──► global store + index by thesis and tag
 * market-events ──► validate · match · propagate · dedupe ──► thesis-impacts (key: thesis id)
 *        │ bad ──► market-events.dlq        │ no match ──► market-events.unmatched
 *                                           │ wanted by a subscription ──► impacts.NAME
 * thesis-impacts ──► fold state ──► thesis-state, thesis-alerts
 * </pre>
 * thesis-impacts doubles as the repartition topic: it is already keyed by thesis id, so the state
 * sub-topology reads it back instead of writing every impact a second time.
 */
final class ThesisImpactTopology {

    private ThesisImpactTopology() {
    }

    static Topology build(EngineConfig config, Topics topics, PipelineListener listener) {
        KnowledgeBase knowledge = new KnowledgeBase();
        Topology topology = new Topology();

        globalTable(topology, topics.theses(), StoreNames.THESES, listener,
                (id, thesis) -> knowledge.theses().put(thesis), knowledge.theses()::remove);
        globalTable(topology, topics.implications(), StoreNames.IMPLICATIONS, listener,
                (id, implication) -> knowledge.implications().put(implication), knowledge.implications()::remove);
        globalTable(topology, topics.entities(), StoreNames.ENTITIES, listener,
                (id, entity) -> knowledge.entities().put(entity), knowledge.entities()::remove);
        globalTable(topology, topics.subscriptions(), StoreNames.SUBSCRIPTIONS, listener,
                (name, subscription) -> knowledge.subscriptions().put(subscription), knowledge.subscriptions()::remove);

        Topic<String, ?> events = topics.marketEvents();
        // One serializer for the impacts and their subscription copies: a copy reuses the impact's bytes.
        ImpactBytes impactBytes = new ImpactBytes(topics.impacts().valueSerde().serializer(), topics.impacts().name());
        // Events are read as bytes: unmatched ones are forwarded untouched, and a record that does
        // not deserialize fails inside the processor, where the dead-letter handler sees its bytes.
        topology.addSource("market-events", new ByteArrayDeserializer(), new ByteArrayDeserializer(), events.name())
                .addProcessor("match", () -> new MarketEventProcessor(events.name(),
                        topics.marketEvents().valueSerde().deserializer(), new EventValidator(config),
                        new ImpactFinder(knowledge, config), knowledge::subscribers, config.dedupeRetention(), listener), "market-events")
                .addStateStore(Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(StoreNames.SEEN_EVENTS, config.dedupeRetention(), config.dedupeRetention(), false),
                        Serdes.String(), Serdes.Long()), "match")
                .addSink(MarketEventProcessor.UNMATCHED_SINK, topics.unmatched().name(),
                        new ByteArraySerializer(), new ByteArraySerializer(), "match")
                .addSink(MarketEventProcessor.IMPACTS_SINK, topics.impacts().name(),
                        topics.impacts().keySerde().serializer(), impactBytes, "match")
                // Each impact a subscription wants is written again to impacts.<name>, in the same transaction;
                // the processor names the subscription in a header, which is kept on the record.
                .addSink(MarketEventProcessor.SUBSCRIPTIONS_SINK,
                        (key, value, context) -> topics.subscriptionTopicName(MarketEventProcessor.subscriptionOf(context.headers())),
                        topics.impacts().keySerde().serializer(), impactBytes, "match");

        // Impacts are read back as bytes: the fold decodes the few fields it needs (ThesisStateProcessor).
        Deserializer<GenericRecord> projection = topics.projection(ThesisStateProcessor.projectionSchema());
        topology.addSource("impacts", topics.impacts().keySerde().deserializer(), new ByteArrayDeserializer(), topics.impacts().name())
                .addProcessor("fold-state", () -> new ThesisStateProcessor(
                        new ThesisStateFold(config.lastImpacts(), config.statusThreshold()), topics.impacts(), projection,
                        topics.state()), "impacts")
                // Cached: a thesis moved several times within one commit writes its (large) state to the
                // changelog and to thesis-state once, when the cache is flushed (see ThesisStateProcessor).
                // In memory: one small state per thesis (bounded by the vault, ~300 B each), restored from its
                // changelog on start; RocksDB's per-access cost was ~20 % of the pipeline's rate (BENCHMARKS.md).
                // Values are thesis-state's own bytes, so a flushed state is not serialized a second time.
                .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.THESIS_STATE),
                        topics.state().keySerde(), Serdes.ByteArray()).withCachingEnabled(), "fold-state")
                .addSink(ThesisStateProcessor.STATE_SINK, topics.state().name(),
                        topics.state().keySerde().serializer(), new ByteArraySerializer(), "fold-state")
                .addSink(ThesisStateProcessor.ALERTS_SINK, topics.alerts().name(),
                        topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer(), "fold-state");
        return topology;
    }

    private static <V> void globalTable(Topology topology, Topic<String, V> topic, String storeName, PipelineListener listener,
                                        BiConsumer<String, V> put, Consumer<String> remove) {
        // Global stores are restored from their own topic, so they need no changelog. Their records are
        // read by a deserializer that never throws (see TableRecordDeserializer for the Kafka bug it avoids).
        // On disk (RocksDB), not on the heap: matching reads the in-memory index, which TableLoader rebuilds
        // from the store on start, and only queries read the store. In memory they held a second, serialized
        // copy of the vault; with the index's slim theses this took the live heap at 100,000 theses from 633
        // to 477 MB (BENCHMARKS.md, "Issue 17, second pass").
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), topic.keySerde(), topic.valueSerde())
                        .withLoggingDisabled(),
                topic.name() + "-source", topic.keySerde().deserializer(),
                new TableRecordDeserializer<>(topic.valueSerde().deserializer(), listener),
                topic.name(), topic.name() + "-loader", () -> new TableLoader<>(storeName, put, remove));
    }

    /**
     * The Kafka Streams settings tip relies on; anything the operator sets wins over them.
     * Exactly-once by default, and failures handled by Kafka Streams' dead-letter queue.
     */
    static Map<String, Object> streamsDefaults(Topics topics) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(StreamsConfig.APPLICATION_ID_CONFIG, "tip");
        defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        defaults.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters().name());
        defaults.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        defaults.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        defaults.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterSendHandler.class);
        // Producer batches stay Kafka's 16 KiB on purpose. 256 KiB batches ran the pipeline ~55 % faster
        // without subscriptions (A/B, BENCHMARKS.md "Producer batches"), but every partition written in a
        // commit holds a batch of that size: with 1,000 subscription topics the producer's buffer.memory
        // (32 MiB) ran out and the stream thread waited in BufferPool.awaitMemory, halving the rate again.
        // A deployment with few subscriptions can set producer.batch.size=262144 itself.
        return defaults;
    }
}
