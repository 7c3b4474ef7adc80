package io.tip.app.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Thesis;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;
import io.tip.notes.Vault;
import io.tip.notes.VaultSync;
import io.tip.notes.VaultSync.Changes;
import io.tip.notes.VaultSync.Plan;

/**
 * Brings the theses, implications and entities tables in line with a vault: only what changed is
 * sent, a note that disappeared becomes a tombstone, and the whole change is one transaction, so
 * the pipeline never sees a half-loaded vault. The transactional producer is kept for the next
 * change ({@code tip load --watch} applies one per save), and closed with the publisher.
 */
public final class VaultPublisher implements AutoCloseable {
    private final Map<String, Object> kafkaSettings;
    private final Topics topics;
    private KafkaProducer<String, byte[]> producer;

    /** The three tables as they stand. */
    public record Tables(Map<String, Thesis> theses, Map<String, Implication> implications, Map<String, Entity> entities) {
        public VaultSync.Published published() {
            Map<String, String> versions = new LinkedHashMap<>();
            theses.forEach((id, thesis) -> versions.put(id, thesis.getVersion()));
            return new VaultSync.Published(versions, implications, entities);
        }
    }

    public VaultPublisher(Map<String, Object> kafkaSettings, Topics topics) {
        this.kafkaSettings = kafkaSettings;
        this.topics = topics;
    }

    public Tables read() {
        return new Tables(TableReader.read(kafkaSettings, topics.theses()), TableReader.read(kafkaSettings, topics.implications()),
                TableReader.read(kafkaSettings, topics.entities()));
    }

    /**
     * The transactional id every `tip load` writes the tables with (one at a time: a second one fences the first).
     * Not "tip-…": the pipeline's ACLs cover every transactional id starting with its application id and a dash,
     * and the default application id is "tip".
     */
    public static String transactionalId(Topics topics) {
        return "tip.load." + topics.theses().name();
    }

    /** Compares the vault with what the tables hold now. */
    public Plan plan(Vault vault) {
        return VaultSync.plan(read().published(), vault);
    }

    public void apply(Plan plan) {
        if (plan.isEmpty()) {
            return;
        }
        if (producer == null) {
            Map<String, Object> settings = ClientSettings.producer(kafkaSettings);
            settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(topics));
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
            producer.initTransactions();
        }
        try {
            producer.beginTransaction();
            // Entities and implications first: a new thesis then meets its entities already there.
            send(producer, topics.entities(), plan.entities(), e -> e.getId());
            send(producer, topics.implications(), plan.implications(), i -> i.getId());
            send(producer, topics.theses(), plan.theses(), Thesis::getId);
            producer.commitTransaction();
        } catch (KafkaException e) {
            // nothing of the change is visible (the transaction never committed); the next apply starts a fresh producer
            producer.close(Duration.ZERO);
            producer = null;
            throw e;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private static <V extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic,
                                                        Changes<V> changes, Function<V, String> id) {
        Serializer<V> serializer = topic.valueSerde().serializer();
        for (V record : changes.added()) {
            producer.send(new ProducerRecord<>(topic.name(), id.apply(record), serializer.serialize(topic.name(), record)));
        }
        for (V record : changes.changed()) {
            producer.send(new ProducerRecord<>(topic.name(), id.apply(record), serializer.serialize(topic.name(), record)));
        }
        for (String removed : changes.removed()) {
            producer.send(new ProducerRecord<>(topic.name(), removed, null));
        }
    }
}
