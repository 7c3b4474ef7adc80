package io.tip.app.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

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
 * the pipeline never sees a half-loaded vault.
 */
public final class VaultPublisher {
    private final Map<String, Object> kafkaSettings;
    private final Topics topics;

    public VaultPublisher(Map<String, Object> kafkaSettings, Topics topics) {
        this.kafkaSettings = kafkaSettings;
        this.topics = topics;
    }

    /** Compares the vault with what the tables hold now. */
    public Plan plan(Vault vault) {
        Map<String, String> versions = new LinkedHashMap<>();
        TableReader.read(kafkaSettings, topics.theses()).forEach((id, thesis) -> versions.put(id, thesis.getVersion()));
        VaultSync.Published current = new VaultSync.Published(versions,
                TableReader.read(kafkaSettings, topics.implications()), TableReader.read(kafkaSettings, topics.entities()));
        return VaultSync.plan(current, vault);
    }

    public void apply(Plan plan) {
        if (plan.isEmpty()) {
            return;
        }
        Map<String, Object> settings = ClientSettings.producer(kafkaSettings);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tip-load-" + topics.theses().name());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings,
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            // Entities and implications first: a new thesis then meets its entities already there.
            send(producer, topics.entities(), plan.entities(), e -> e.getId());
            send(producer, topics.implications(), plan.implications(), i -> i.getId());
            send(producer, topics.theses(), plan.theses(), Thesis::getId);
            producer.commitTransaction();
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
