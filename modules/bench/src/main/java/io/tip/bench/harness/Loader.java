package io.tip.bench.harness;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

import io.tip.bench.workload.SyntheticVault;
import io.tip.model.MarketEvent;
import io.tip.model.Subscription;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;

/** Writes the generated vault to the tables and events to market-events, through the registry serde. */
public final class Loader {
    private final String bootstrapServers;
    private final Topics topics;

    public Loader(String bootstrapServers, Topics topics) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
    }

    public void vault(SyntheticVault vault) {
        write(topics.entities(), vault.entities().size(), vault.entities().iterator()::next, e -> e.getId());
        write(topics.theses(), vault.theses().size(), vault.theses().iterator()::next, t -> t.getId());
        write(topics.implications(), vault.implications().size(), vault.implications().iterator()::next, i -> i.getId());
    }

    public void subscriptions(List<Subscription> subscriptions) {
        write(topics.subscriptions(), subscriptions.size(), subscriptions.iterator()::next, Subscription::getName);
    }

    public void events(long count, Supplier<MarketEvent> events) {
        write(topics.marketEvents(), count, events, MarketEvent::getId);
    }

    /** A producer of market events for a paced run; the caller closes it. */
    public Producer<String, MarketEvent> eventProducer(int lingerMs) {
        return producer(topics.marketEvents().valueSerde(), lingerMs);
    }

    private <V> void write(Topic<String, V> topic, long count, Supplier<V> values, java.util.function.Function<V, String> key) {
        try (Producer<String, V> producer = producer(topic.valueSerde(), 20)) {
            for (long n = 0; n < count; n++) {
                V value = values.get();
                producer.send(new ProducerRecord<>(topic.name(), key.apply(value), value));
            }
            producer.flush();
        }
    }

    private <V> Producer<String, V> producer(Serde<V> valueSerde, int lingerMs) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                topics.marketEvents().keySerde().serializer(), valueSerde.serializer());
    }
}
