package io.tip.app.kafka;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.tip.app.cli.UserError;
import io.tip.model.Subscription;
import io.tip.model.topics.Topic;

/** The subscriptions table: read as it stands, written one subscription (or tombstone) at a time. */
public final class SubscriptionTable {
    private final Map<String, Object> kafkaSettings;
    private final Topic<String, Subscription> topic;

    public SubscriptionTable(Map<String, Object> kafkaSettings, Topic<String, Subscription> topic) {
        this.kafkaSettings = kafkaSettings;
        this.topic = topic;
    }

    public Map<String, Subscription> read() {
        return TableReader.read(kafkaSettings, topic);
    }

    public void put(Subscription subscription) {
        send(subscription.getName(), subscription);
    }

    public void delete(String name) {
        send(name, null);
    }

    private void send(String name, Subscription value) {
        Map<String, Object> settings = ClientSettings.producer(kafkaSettings);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Subscription> producer = new KafkaProducer<>(settings, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), name, value)).get();
        } catch (ExecutionException e) {
            throw new UserError("cannot write subscription '" + name + "' to " + topic.name() + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while writing subscription '" + name + "'");
        }
    }
}
