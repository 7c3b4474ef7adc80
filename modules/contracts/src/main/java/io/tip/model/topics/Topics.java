package io.tip.model.topics;

import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.MarketEvent;
import io.tip.model.ModelClasses;
import io.tip.model.Subscription;
import io.tip.model.Thesis;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.registry.client.RegistryClientConfig;
import io.tip.registry.client.SchemaRegistryClient;
import io.tip.registry.serde.KafkaAvroDeserializer;
import io.tip.registry.serde.SpecificAvroSerde;
import io.tip.model.topics.Topic.Retention;

/**
 * The catalogue of every topic tip reads or writes, built once from configuration and passed to
 * whoever needs it. Keys are plain strings (event id, thesis id, ...); values are Avro records in
 * the Confluent wire format, except the dead letters, which are kept as the raw bytes that failed.
 */
public final class Topics {
    /** Header of a dead letter on market-events.dlq that says, in a producer's words, why the event was rejected. */
    public static final String DEAD_LETTER_REASON_HEADER = "tip.reason";

    static {
        ModelClasses.trust();
    }

    private final Topic<String, MarketEvent> marketEvents;
    private final Topic<byte[], byte[]> deadLetters;
    private final Topic<String, MarketEvent> unmatched;
    private final Topic<String, Thesis> theses;
    private final Topic<String, Implication> implications;
    private final Topic<String, Entity> entities;
    private final Topic<String, ThesisImpact> impacts;
    private final Topic<String, ThesisState> state;
    private final Topic<String, ThesisAlert> alerts;
    private final Topic<byte[], byte[]> alertDeadLetters;
    private final Topic<String, Subscription> subscriptions;
    private final String prefix;
    private final SchemaRegistryClient registry;
    private final Map<String, ?> serdeConfig;

    private Topics(String prefix, Map<String, ?> serdeConfig) {
        // One registry client for every topic, so each schema is looked up once per process.
        SchemaRegistryClient registry = SchemaRegistryClient.create(new RegistryClientConfig(serdeConfig));
        this.prefix = prefix;
        this.registry = registry;
        this.serdeConfig = serdeConfig;
        marketEvents = avro(prefix + "market-events", MarketEvent.class, Retention.DELETE, registry, serdeConfig,
                "Market events from upstream producers (in). Key: event id.");
        deadLetters = new Topic<>(prefix + "market-events.dlq", Serdes.ByteArray(), Serdes.ByteArray(), Retention.DELETE, null,
                "Events tip rejected, as the bytes received, with the reason in the __streams.errors.message and tip.reason headers.");
        unmatched = avro(prefix + "market-events.unmatched", MarketEvent.class, Retention.DELETE, registry, serdeConfig,
                "Valid events no thesis cared about: the analyst's inbox for new theses. Key: event id.");
        theses = avro(prefix + "theses", Thesis.class, Retention.COMPACT, registry, serdeConfig,
                "Theses loaded from the vault (table). Key: thesis id; a tombstone removes it.");
        implications = avro(prefix + "implications", Implication.class, Retention.COMPACT, registry, serdeConfig,
                "Implications between theses (table). Key: implication id.");
        entities = avro(prefix + "entities", Entity.class, Retention.COMPACT, registry, serdeConfig,
                "Entities with aliases and tags (table). Key: entity id.");
        impacts = avro(prefix + "thesis-impacts", ThesisImpact.class, Retention.DELETE, registry, serdeConfig,
                "Thesis-impacted events (out). Key: thesis id.");
        state = avro(prefix + "thesis-state", ThesisState.class, Retention.COMPACT, registry, serdeConfig,
                "Current state of each thesis (out, table). Key: thesis id.");
        alerts = avro(prefix + "thesis-alerts", ThesisAlert.class, Retention.DELETE, registry, serdeConfig,
                "Status changes of theses (out). Key: thesis id.");
        alertDeadLetters = new Topic<>(prefix + "thesis-alerts.dlq", Serdes.ByteArray(), Serdes.ByteArray(), Retention.DELETE, null,
                "What `tip alert` could not deliver, as the bytes it read, with the reason in the tip.reason header "
                        + "and the origin in tip.source.topic / tip.source.partition / tip.source.offset.");
        subscriptions = avro(prefix + "subscriptions", Subscription.class, Retention.COMPACT, registry, serdeConfig,
                "Analysts' subscriptions, written by `tip subscribe` (table). Key: subscription name; a tombstone deletes it.");
    }

    /**
     * @param prefix      prepended to every topic name ("" for the default names)
     * @param serdeConfig the schema registry settings ({@code schema.registry.url}, ...)
     */
    public static Topics create(String prefix, Map<String, ?> serdeConfig) {
        return new Topics(prefix == null ? "" : prefix, serdeConfig);
    }

    private static <V extends SpecificRecord> Topic<String, V> avro(
            String name, Class<V> type, Retention retention, SchemaRegistryClient registry, Map<String, ?> serdeConfig, String doc) {
        Serde<V> serde = new SpecificAvroSerde<>(registry);
        serde.configure(serdeConfig, false);
        return new Topic<>(name, Serdes.String(), serde, retention, type.getSimpleName(), doc);
    }

    public Topic<String, MarketEvent> marketEvents() { return marketEvents; }
    public Topic<byte[], byte[]> deadLetters() { return deadLetters; }
    public Topic<String, MarketEvent> unmatched() { return unmatched; }
    public Topic<String, Thesis> theses() { return theses; }
    public Topic<String, Implication> implications() { return implications; }
    public Topic<String, Entity> entities() { return entities; }
    public Topic<String, ThesisImpact> impacts() { return impacts; }
    public Topic<String, ThesisState> state() { return state; }
    public Topic<String, ThesisAlert> alerts() { return alerts; }
    public Topic<byte[], byte[]> alertDeadLetters() { return alertDeadLetters; }
    public Topic<String, Subscription> subscriptions() { return subscriptions; }

    /** The topic name a subscription's impacts go to: {@code impacts.<name>}, with the prefix. */
    public String subscriptionTopicName(String subscription) {
        return prefix + SUBSCRIPTION_TOPIC_PREFIX + subscription;
    }

    /** The topic a subscription's impacts go to, typed like thesis-impacts. */
    public Topic<String, ThesisImpact> subscriptionImpacts(String subscription) {
        return avro(subscriptionTopicName(subscription), ThesisImpact.class, Retention.DELETE, registry, serdeConfig,
                "Impacts matching subscription '" + subscription + "' (out). Key: thesis id.");
    }

    /**
     * A deserializer that reads any of these topics' values into {@code readerSchema}, typically a
     * projection of the topic's record (the same record name, fewer fields): the fields it leaves out
     * are skipped, not decoded.
     */
    public Deserializer<GenericRecord> projection(Schema readerSchema) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry, readerSchema);
        deserializer.configure(serdeConfig, false);
        return (topic, bytes) -> (GenericRecord) deserializer.deserialize(topic, bytes);
    }

    /** What topic names of subscriptions start with, after the prefix. */
    public static final String SUBSCRIPTION_TOPIC_PREFIX = "impacts.";

    /** Every topic, in the order a reader meets them: input, tables, outputs. */
    public List<Topic<?, ?>> all() {
        return List.of(marketEvents, theses, implications, entities, subscriptions, impacts, state, alerts, deadLetters, unmatched,
                alertDeadLetters);
    }
}
