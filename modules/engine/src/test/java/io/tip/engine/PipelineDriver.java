package io.tip.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import io.tip.model.Entity;
import io.tip.model.EventType;
import io.tip.model.Implication;
import io.tip.model.MarketEvent;
import io.tip.model.Subscription;
import io.tip.model.Thesis;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;

/** The real topology on a TopologyTestDriver, with typed ends for every topic. */
final class PipelineDriver implements AutoCloseable {
    static final Instant NOW = Instant.parse("2025-12-30T12:00:00Z");

    final Topics topics;
    final TopologyTestDriver driver;
    final TestInputTopic<String, MarketEvent> events;
    final TestInputTopic<byte[], byte[]> rawEvents;
    final TestInputTopic<String, Thesis> theses;
    final TestInputTopic<String, Implication> implications;
    final TestInputTopic<String, Entity> entities;
    final TestInputTopic<String, Subscription> subscriptions;
    final TestOutputTopic<String, ThesisImpact> impacts;
    final TestOutputTopic<String, ThesisState> state;
    final TestOutputTopic<String, ThesisAlert> alerts;
    final TestOutputTopic<String, MarketEvent> unmatched;
    final TestOutputTopic<byte[], byte[]> unmatchedRaw;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    /** What the topology reported to its listener (the source of tip's metrics). */
    final CountingListener counts;
    final TestInputTopic<byte[], byte[]> rawTheses;
    /** The in-memory registry the serdes use (mock://...). */
    final String registryUrl = "mock://" + UUID.randomUUID();

    PipelineDriver() {
        this(Map.of());
    }

    PipelineDriver(Map<String, Object> engineSettings) {
        this(engineSettings, PipelineListener.NONE);
    }

    PipelineDriver(Map<String, Object> engineSettings, PipelineListener listener) {
        Map<String, Object> serde = Map.of("schema.registry.url", registryUrl);
        topics = Topics.create("", serde);
        EngineConfig config = new EngineConfig(engineSettings);
        counts = new CountingListener(listener);
        ThesisImpactEngine engine = ThesisImpactEngine.create(config, topics, counts);
        Properties props = engine.streamsProperties(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/tip-ttd-" + UUID.randomUUID()));
        driver = new TopologyTestDriver(engine.topology(), props, NOW);
        events = input(topics.marketEvents());
        rawEvents = driver.createInputTopic(topics.marketEvents().name(), new ByteArraySerializer(), new ByteArraySerializer());
        theses = input(topics.theses());
        implications = input(topics.implications());
        entities = input(topics.entities());
        subscriptions = input(topics.subscriptions());
        impacts = output(topics.impacts());
        state = output(topics.state());
        alerts = output(topics.alerts());
        unmatched = output(topics.unmatched());
        unmatchedRaw = driver.createOutputTopic(topics.unmatched().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        rawTheses = driver.createInputTopic(topics.theses().name(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    void load(Thesis... list) {
        for (Thesis t : list) theses.pipeInput(t.getId(), t);
    }

    void load(Implication... list) {
        for (Implication i : list) implications.pipeInput(i.getId(), i);
    }

    void load(Entity... list) {
        for (Entity e : list) entities.pipeInput(e.getId(), e);
    }

    void load(Subscription... list) {
        for (Subscription s : list) subscriptions.pipeInput(s.getName(), s);
    }

    /** What a subscription's topic impacts.NAME received. */
    TestOutputTopic<String, ThesisImpact> subscription(String name) {
        return output(topics.subscriptionImpacts(name));
    }

    void publish(MarketEvent event) {
        publish(event, NOW);
    }

    /** Publishes with the given record timestamp (the time the producer appended it). */
    void publish(MarketEvent event, Instant appendedAt) {
        events.pipeInput(new TestRecord<>(event.getId(), event, appendedAt));
    }

    /** The value bytes a producer sends for {@code event}: Confluent wire format through this driver's registry. */
    byte[] bytes(MarketEvent event) {
        return topics.marketEvents().encode(event);
    }

    /** Impacts by thesis id, in the order they came out. */
    Map<String, ThesisImpact> impactsByThesis() {
        Map<String, ThesisImpact> byThesis = new HashMap<>();
        for (ThesisImpact i : impacts.readValuesToList()) {
            if (byThesis.put(i.getThesisId(), i) != null) {
                throw new AssertionError("two impacts on " + i.getThesisId() + " for one read");
            }
        }
        return byThesis;
    }

    static MarketEvent.Builder event(String id, EventType type, String actor, String target, String headline) {
        return MarketEvent.newBuilder().setId(id).setType(type).setActor(actor).setTarget(target)
                .setHeadline(headline).setOccurredAt(Instant.parse("2025-12-24T00:00:00Z")).setTags(List.of());
    }

    /** Counts what the topology reports, as tip's metrics do, and passes every report on to {@code next}. */
    static final class CountingListener implements PipelineListener {
        final AtomicInteger matched = new AtomicInteger();
        final AtomicInteger impacts = new AtomicInteger();
        final AtomicInteger unmatched = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger deadLetters = new AtomicInteger();
        private final PipelineListener next;

        CountingListener(PipelineListener next) {
            this.next = next;
        }

        @Override
        public void matched(int count, long latencyMs) {
            matched.incrementAndGet();
            impacts.addAndGet(count);
            next.matched(count, latencyMs);
        }

        @Override
        public void unmatched() {
            unmatched.incrementAndGet();
            next.unmatched();
        }

        @Override
        public void duplicate() {
            duplicates.incrementAndGet();
            next.duplicate();
        }

        @Override
        public void deadLetter() {
            deadLetters.incrementAndGet();
            next.deadLetter();
        }

        @Override
        public void recordDone(String topic, int partition, long offset) {
            next.recordDone(topic, partition, offset);
        }

        @Override
        public void recordFailed(String topic, int partition, long offset, String reason) {
            next.recordFailed(topic, partition, offset, reason);
        }

        @Override
        public void threadReplaced() {
            next.threadReplaced();
        }

        @Override
        public void tableRecordSkipped(String topic, String reason) {
            next.tableRecordSkipped(topic, reason);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
