package io.tip.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads output topics as a downstream consumer would — read_committed, so under exactly-once a
 * record counts only once its transaction committed — without deserializing values. Counts what
 * it sees per topic and, for one topic, records how long after its event's append each record
 * became readable (record timestamp = the event's append time, carried through the topology).
 */
public final class OutputTail implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(20);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new ConcurrentHashMap<>();
    private final Admin admin;
    private final String timedTopic;
    private final Recorder latency = new Recorder(3);
    private volatile long timeFromMs = Long.MAX_VALUE;
    private volatile long slowestMs = -1;
    private volatile long slowestAtMs;
    private volatile boolean running = true;
    private final Thread thread;

    /**
     * @param eager fetch as soon as anything is there (latency runs) rather than in larger batches
     *              that cost the machine less (throughput runs)
     */
    public OutputTail(String bootstrapServers, Admin admin, List<String> topics, String timedTopic, boolean eager) {
        this.timedTopic = timedTopic;
        this.admin = admin;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, eager ? 1 : 256 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, eager ? 500 : 100);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(partitions(admin, topics));
        consumer.seekToBeginning(consumer.assignment());
        topics.forEach(t -> counts.put(t, new LongAdder()));
        thread = new Thread(this::run, "bench-output-tail");
        thread.setDaemon(true);
        thread.start();
    }

    private static List<TopicPartition> partitions(Admin admin, List<String> topics) {
        try {
            List<TopicPartition> all = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, d) ->
                    d.partitions().forEach(p -> all.add(new TopicPartition(name, p.partition()))));
            return all;
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topics + ": " + e.getMessage(), e);
        }
    }

    private void run() {
        while (running) {
            long now = System.currentTimeMillis();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                counts.get(record.topic()).increment();
                nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                if (record.topic().equals(timedTopic) && record.timestamp() >= timeFromMs) {
                    long ms = Math.max(0, now - record.timestamp());
                    latency.recordValue(ms);
                    if (ms > slowestMs) {
                        slowestMs = ms;
                        slowestAtMs = now;
                    }
                }
            }
        }
        consumer.close();
    }

    public long count(String topic) {
        return counts.get(topic).sum();
    }

    /**
     * Whether {@code group} has committed every record of {@code topic} this tail has seen: for an
     * application that reads its own output (tip's state fold reads thesis-impacts), its work on
     * those records is committed too — under exactly-once in the same transaction as what it wrote.
     */
    public boolean consumedBy(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            for (Map.Entry<TopicPartition, Long> seen : nextOffsets.entrySet()) {
                if (seen.getKey().topic().equals(topic)) {
                    OffsetAndMetadata offset = committed.get(seen.getKey());
                    if (offset == null || offset.offset() < seen.getValue()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the committed offsets of " + group + ": " + e.getCause().getMessage(), e);
        }
    }

    /** Records latency only for events appended from now on: the warm-up before is left out. */
    public void timeEventsFrom(long epochMs) {
        latency.reset();
        timeFromMs = epochMs;
    }

    /** Seconds from {@link #timeEventsFrom} to the moment the slowest timed record was read. */
    public double slowestAtSecond() {
        return slowestMs < 0 ? 0 : (slowestAtMs - timeFromMs) / 1000.0;
    }

    public Histogram latency() {
        return latency.getIntervalHistogram();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
