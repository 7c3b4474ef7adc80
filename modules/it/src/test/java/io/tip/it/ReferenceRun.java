package io.tip.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.tip.engine.EngineConfig;
import io.tip.engine.StoreNames;
import io.tip.engine.ThesisImpactEngine;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;
import io.tip.notes.Vault;

/**
 * The clean run the faulty runs are compared with: the same topology, vault and events on a
 * TopologyTestDriver — one process, no crash, no rebalance, no broker to lose. Its impacts are the
 * expected impacts and its thesis states the expected states.
 */
record ReferenceRun(Map<String, ThesisImpact> impactsById, Map<String, ThesisState> states, int unmatched) {

    static ReferenceRun of(Path vaultDir, List<MarketEvent> events) {
        Vault vault;
        try {
            vault = Vault.read(vaultDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Topics topics = Topics.create("", Map.of("schema.registry.url", "mock://reference-" + UUID.randomUUID()));
        ThesisImpactEngine engine = ThesisImpactEngine.create(new EngineConfig(Map.of()), topics);
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("tip-reference");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = engine.streamsProperties(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
        try (TopologyTestDriver driver = new TopologyTestDriver(engine.topology(), props, Instant.now())) {
            vault.entities().forEach(e -> input(driver, topics.entities()).pipeInput(e.getId(), e));
            vault.implications().forEach(i -> input(driver, topics.implications()).pipeInput(i.getId(), i));
            vault.theses().forEach(t -> input(driver, topics.theses()).pipeInput(t.getId(), t));
            TestInputTopic<String, MarketEvent> in = input(driver, topics.marketEvents());
            events.forEach(e -> in.pipeInput(e.getId(), e));

            Map<String, ThesisImpact> impacts = new LinkedHashMap<>();
            driver.createOutputTopic(topics.impacts().name(), topics.impacts().keySerde().deserializer(),
                    topics.impacts().valueSerde().deserializer()).readValuesToList().forEach(i -> impacts.put(i.getId(), i));
            int unmatched = driver.createOutputTopic(topics.unmatched().name(), topics.unmatched().keySerde().deserializer(),
                    topics.unmatched().valueSerde().deserializer()).readValuesToList().size();
            Map<String, ThesisState> states = new TreeMap<>();
            KeyValueStore<String, byte[]> store = driver.getKeyValueStore(StoreNames.THESIS_STATE);
            try (KeyValueIterator<String, byte[]> all = store.all()) {
                all.forEachRemaining(kv -> states.put(kv.key, topics.state().decode(kv.value)));
            }
            return new ReferenceRun(impacts, states, unmatched);
        }
    }

    private static <K, V> TestInputTopic<K, V> input(TopologyTestDriver driver, Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
