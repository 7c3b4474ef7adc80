package io.tip.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.tip.model.MarketEvent;
import io.tip.model.topics.Topic;

/**
 * An upstream news producer: idempotent, acks=all, events keyed by id. {@link #startSteady} keeps
 * publishing from a background thread at a fixed rate, for faults injected under load.
 */
final class EventProducer implements AutoCloseable {
    private final KafkaProducer<String, MarketEvent> producer;
    private final Topic<String, MarketEvent> topic;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private Thread steady;

    EventProducer(String bootstrapServers, Topic<String, MarketEvent> topic) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000); // rides out a broker restart
        this.producer = new KafkaProducer<>(settings, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.topic = topic;
    }

    void send(MarketEvent event) {
        producer.send(new ProducerRecord<>(topic.name(), event.getId(), event), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
        sent.incrementAndGet();
    }

    void sendAll(List<MarketEvent> events) {
        events.forEach(this::send);
        flush();
    }

    void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new AssertionError("publishing to " + topic.name() + " failed", failure.get());
        }
    }

    /** Publishes {@code events} from a background thread, {@code perSecond} of them a second. */
    void startSteady(List<MarketEvent> events, int perSecond) {
        steady = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < events.size() && !Thread.currentThread().isInterrupted(); i++) {
                long due = start + Duration.ofSeconds(1).toNanos() * i / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                send(events.get(i));
            }
            producer.flush();
        }, "steady-producer");
        steady.start();
    }

    /** Events handed to the producer so far. */
    int sent() {
        return sent.get();
    }

    /** Waits for the steady stream to be fully published and acknowledged. */
    void awaitSteadyDone(Duration timeout) throws InterruptedException {
        steady.join(timeout.toMillis());
        if (steady.isAlive()) {
            throw new AssertionError("the producer did not finish within " + timeout + " (" + sent() + " sent)");
        }
        flush();
    }

    @Override
    public void close() {
        if (steady != null) {
            steady.interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
