package io.tip.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import io.tip.model.MarketEvent;
import io.tip.model.topics.Topic;
import io.tip.registry.client.RegistryUnreachableException;

/**
 * A bounded, read-only pass over the market-events history: per partition from the first record at
 * or after {@code since} (offsetsForTimes; the beginning when not given) to the first at or after
 * {@code until}, or to the end offsets taken when the pass starts, so events appended meanwhile are
 * not read. No consumer group: it takes no work and commits no offsets. read_committed, so events
 * of aborted transactions are left out, as the pipeline leaves them out. What {@code tip backtest}
 * and the replay benchmark read, so the benchmark measures the command's own path.
 */
public final class EventHistory implements AutoCloseable {

    /** The history cannot be read: the message says why and what to check. */
    public static final class UnreadableException extends RuntimeException {
        public UnreadableException(String message) {
            super(message);
        }
    }

    /** One record of the history; {@code event} is null when the value was a tombstone. */
    public interface Sink {
        void accept(String key, MarketEvent event, long timestampMs);
    }

    /** Batches the reader may be ahead of the sink: enough to cover a fetch round trip, few enough to bound memory. */
    private static final int AHEAD = 4;
    private volatile boolean stop;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topic<String, MarketEvent> topic;
    private final Deserializer<MarketEvent> values;
    private final Map<TopicPartition, Long> start = new HashMap<>();
    private final Map<TopicPartition, Long> end = new HashMap<>();
    private volatile long undeserializable; // written by the reader thread only

    /** {@code consumerSettings}: connection and security settings of a Kafka consumer (group and offsets are set here). */
    public EventHistory(Map<String, Object> consumerSettings, Topic<String, MarketEvent> topic, Instant since, Instant until) {
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Large fetches: a replay is bound by how fast records arrive, not by how fast they are evaluated.
        settings.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        settings.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        settings.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.values = topic.valueSerde().deserializer();
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(15));
        if (infos == null || infos.isEmpty()) {
            consumer.close(Duration.ZERO);
            throw new UnreadableException("topic " + topic.name() + " does not exist on this cluster: there is no history to test against "
                    + "(check --bootstrap-servers and topic.prefix)");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        Map<TopicPartition, Long> endNow = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions);
        Map<TopicPartition, OffsetAndTimestamp> fromTime = since == null ? Map.of() : consumer.offsetsForTimes(at(partitions, since));
        Map<TopicPartition, OffsetAndTimestamp> toTime = until == null ? Map.of() : consumer.offsetsForTimes(at(partitions, until));
        for (TopicPartition p : partitions) {
            long last = endNow.get(p);
            long to = toTime.get(p) == null ? last : Math.min(last, toTime.get(p).offset());
            long from = since == null ? first.get(p) : fromTime.get(p) == null ? last : fromTime.get(p).offset();
            start.put(p, Math.min(from, to));
            end.put(p, to);
        }
        consumer.assign(partitions);
        start.forEach(consumer::seek);
    }

    private static Map<TopicPartition, Long> at(List<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, time.toEpochMilli()));
        return query;
    }

    /** Records in the range (an upper bound: aborted transactions and their markers take offsets too). */
    public long total() {
        long total = 0;
        for (TopicPartition p : start.keySet()) {
            total += end.get(p) - start.get(p);
        }
        return total;
    }

    /**
     * Hands every record of the range to {@code sink}, partition by partition in offset order as the
     * pipeline reads them; records that do not deserialize are counted ({@link #undeserializable()}) and skipped.
     *
     * <p>Fetching and deserializing run on a thread of their own, a few batches ahead of {@code sink},
     * which runs on the caller's thread. Measured with {@code tip bench --replay --theses 10000
     * --events 1000000} on a quiet 2-core machine: reading on the caller's thread took ~3.3 µs of its
     * CPU per event beside ~6.4 µs of evaluation, 88k events/s in all; overlapped, the replay runs at
     * the evaluation's own pace (see BENCHMARKS.md).
     */
    public void read(Sink sink) {
        BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(AHEAD);
        Thread reader = new Thread(() -> fetch(batches), "tip-history-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (Batch batch = take(batches); batch != Batch.END; batch = take(batches)) {
                if (batch.failure != null) {
                    throw batch.failure;
                }
                for (int i = 0; i < batch.size; i++) {
                    sink.accept(batch.keys[i], batch.events[i], batch.timestamps[i]);
                }
            }
        } finally {
            stop = true;
            reader.interrupt();
            join(reader);
        }
    }

    /** One poll's worth of deserialized records, or the failure that ended the reading. */
    private static final class Batch {
        static final Batch END = new Batch(0);
        final String[] keys;
        final MarketEvent[] events;
        final long[] timestamps;
        int size;
        RuntimeException failure;

        Batch(int capacity) {
            keys = new String[capacity];
            events = new MarketEvent[capacity];
            timestamps = new long[capacity];
        }
    }

    private void fetch(BlockingQueue<Batch> batches) {
        try {
            List<TopicPartition> open = new ArrayList<>(start.keySet());
            open.removeIf(p -> start.get(p) >= end.get(p));
            consumer.pause(start.keySet().stream().filter(p -> !open.contains(p)).toList());
            while (!open.isEmpty() && !stop) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                Batch batch = new Batch(records.count());
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition p = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(p)) {
                        continue;
                    }
                    MarketEvent event;
                    try {
                        event = record.value() == null ? null : values.deserialize(topic.name(), record.headers(), record.value());
                    } catch (RuntimeException e) {
                        if (causedBy(e, RegistryUnreachableException.class)) {
                            throw new UnreadableException("cannot reach the schema registry to read " + topic.name() + ": " + e.getMessage()
                                    + " (check --schema-registry-url)");
                        }
                        undeserializable++; // the pipeline dead-letters these
                        continue;
                    }
                    batch.keys[batch.size] = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    batch.events[batch.size] = event;
                    batch.timestamps[batch.size] = record.timestamp();
                    batch.size++;
                }
                if (batch.size > 0) {
                    batches.put(batch);
                }
                for (var it = open.iterator(); it.hasNext(); ) {
                    TopicPartition p = it.next();
                    if (consumer.position(p) >= end.get(p)) {
                        consumer.pause(List.of(p));
                        it.remove();
                    }
                }
            }
            batches.put(Batch.END);
        } catch (InterruptedException | InterruptException e) {
            // the sink failed and read() is returning: nothing is waiting for more
        } catch (RuntimeException e) {
            Batch failed = new Batch(0);
            failed.failure = e;
            batches.clear();
            batches.offer(failed);
        }
    }

    private static Batch take(BlockingQueue<Batch> batches) {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableException("interrupted while reading the history");
        }
    }

    private static void join(Thread reader) {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records skipped because their value did not deserialize. */
    public long undeserializable() {
        return undeserializable;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
