package io.tip.devstack.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The registry's storage: a compacted single-partition topic with Confluent's record layout
 * (JSON keys {"keytype":"SCHEMA"|"CONFIG",...}). A background reader folds every record into
 * {@link RegistryState}; a write produces, then waits until that reader has applied it, so the
 * state is only ever changed from the log and instances sharing the topic agree.
 *
 * <p>One writer at a time: every instance on a topic writes with the same transactional id, so
 * {@code initTransactions} of one fences the others. A writer decides (next id, next version) only
 * after it holds the epoch and has read the log to its end; a fenced writer re-reads and decides again.
 * Without this, two instances registering at once gave different schemas the same id.
 */
final class SchemaLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemaLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final String topic;
    private final TopicPartition partition;
    private final RegistryState state;
    private final Admin admin;
    private final Map<String, Object> producerSettings;
    private KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private long position = -1;
    private volatile boolean closed;
    private boolean started;
    private volatile Exception readerFailure;

    SchemaLog(String bootstrapServers, String topic, RegistryState state) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.state = state;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.producerSettings = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 0,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, SchemaRegistryServerConfig.transactionalId(topic),
            ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis());
        this.consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.reader = new Thread(this::tail, "schema-log-reader-" + topic);
        this.reader.setDaemon(true);
    }

    /** Creates the topic if needed and returns once everything already in it has been applied. */
    void start(Duration timeout) {
        createTopicIfAbsent();
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        // The start of the log, looked up before the reader owns the consumer: a new, empty log (every
        // `tip demo`) is then read at once, where waiting for the reader's first poll, which returns only
        // after 500 ms without records, cost 0.4-0.5 s of the demo's start (BENCHMARKS.md, "Demo start-up").
        long start;
        try {
            start = consumer.position(partition, timeout);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw RegistryError.storeTimeout("cannot find the start of " + topic + " within " + timeout.toSeconds() + " s; is Kafka up?");
        }
        synchronized (progress) {
            position = start;
        }
        reader.start();
        started = true;
        awaitReadTo(endOffset(), timeout);
        log.info("schema log {} read to offset {}", topic, position());
    }

    /** What one write appends; filled by the decision of {@link #write}. */
    static final class Changes {
        private final List<ObjectNode[]> records = new ArrayList<>();

        void put(SchemaVersion version) {
            ObjectNode value = JSON.createObjectNode()
                .put("subject", version.subject()).put("version", version.version()).put("id", version.id())
                .put("schema", version.schema()).put("deleted", version.deleted());
            records.add(new ObjectNode[] {schemaKey(version.subject(), version.version()), value});
        }

        /** A tombstone: the version is gone for good (Confluent's permanent delete). */
        void remove(String subject, int version) {
            records.add(new ObjectNode[] {schemaKey(subject, version), null});
        }

        /** A null subject is the global level; a null level removes a subject's own level. */
        void level(String subjectOrNull, CompatibilityLevel levelOrNull) {
            ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG").put("subject", subjectOrNull).put("magic", 0);
            records.add(new ObjectNode[] {key, levelOrNull == null ? null
                : JSON.createObjectNode().put("compatibilityLevel", levelOrNull.name())});
        }

        /** The same bytes for a version and its tombstone, or compaction would keep both. */
        private static ObjectNode schemaKey(String subject, int version) {
            return JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version).put("magic", 1);
        }
    }

    /**
     * Runs {@code decide} as the only writer, on a state read to the log's end, and appends what it put
     * into the changes in one transaction; returns its answer once this instance has applied the changes.
     * When another instance took the writer's epoch meanwhile, reads again and decides again.
     */
    synchronized <T> T write(Function<Changes, T> decide) {
        long deadline = System.nanoTime() + WRITE_TIMEOUT.toNanos();
        for (int attempt = 1; ; attempt++) {
            holdWriterEpoch();
            awaitReadTo(endOffset(), WRITE_TIMEOUT);
            Changes changes = new Changes();
            T answer = decide.apply(changes);
            if (changes.records.isEmpty()) {
                return answer;
            }
            try {
                long last = commit(changes);
                awaitReadTo(last + 1, WRITE_TIMEOUT);
                return answer;
            } catch (KafkaException e) {
                // Fenced by another instance, or (Kafka 4.4, seen under contention) the broker's "unexpected error"
                // when an EndTxn meets another producer's epoch fence: nothing was committed by us that we rely on;
                // read again and decide again, which also finds our own write if it did commit.
                dropProducer();
                if (System.nanoTime() > deadline) {
                    log.error("giving up writing to {} after {} attempts", topic, attempt, e);
                    throw RegistryError.storeTimeout("another registry instance kept the writer's role of " + topic + " for over "
                        + WRITE_TIMEOUT.toSeconds() + " s");
                }
                log.debug("write to {} did not commit (attempt {}): {}; reading again", topic, attempt, e.toString());
                backOff(attempt);
            }
        }
    }

    /** The offset of the last record written; a {@link KafkaException} (fenced, aborted) means: try again. */
    private long commit(Changes changes) {
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ObjectNode[] record : changes.records) {
                byte[] value = record[1] == null ? null : JSON.writeValueAsBytes(record[1]);
                sent.add(producer.send(new ProducerRecord<>(topic, 0, JSON.writeValueAsBytes(record[0]), value)));
            }
            producer.commitTransaction();
            return sent.get(sent.size() - 1).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (org.apache.kafka.common.errors.TimeoutException | TimeoutException e) {
            dropProducer();
            log.warn("writing to {} timed out", topic, e);
            throw RegistryError.storeTimeout("writing to " + topic + " took over " + WRITE_TIMEOUT.toSeconds() + " s; is Kafka up?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropProducer();
            throw RegistryError.storeFailure("interrupted while writing to " + topic);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a schema log record", e);
        }
    }

    /** Becomes the writer: a new producer's initTransactions fences every other instance's. */
    private void holdWriterEpoch() {
        if (producer != null) {
            return;
        }
        KafkaProducer<byte[], byte[]> fresh = new KafkaProducer<>(producerSettings, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            fresh.initTransactions();
        } catch (KafkaException e) {
            fresh.close(Duration.ZERO);
            log.error("cannot become the writer of {}", topic, e);
            if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw RegistryError.storeTimeout("Kafka did not answer within " + WRITE_TIMEOUT.toSeconds() + " s; is it up?");
            }
            throw RegistryError.storeFailure("cannot write to " + topic + " (see the registry's log)");
        }
        producer = fresh;
    }

    private void dropProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /** Random, growing pauses, so two instances that fence each other do not do it in step forever. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeFailure("interrupted while waiting to write");
        }
    }

    private void tail() {
        try {
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                long next = consumer.position(partition);
                synchronized (progress) {
                    position = next;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                readerFailure = e;
            }
        } catch (Exception e) {
            log.error("schema log reader for {} stopped; this registry can no longer serve writes", topic, e);
            readerFailure = e;
        } finally {
            consumer.close();
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            JsonNode key = JSON.readTree(record.key());
            JsonNode value = record.value() == null ? null : JSON.readTree(record.value());
            String subject = key.path("subject").isTextual() ? key.get("subject").asText() : null;
            switch (key.path("keytype").asText()) {
                case "SCHEMA" -> {
                    if (value == null) {
                        state.remove(subject, key.path("version").asInt());
                    } else if (isAvro(value)) {
                        state.apply(new SchemaVersion(value.get("subject").asText(), value.get("version").asInt(),
                            value.get("id").asInt(), value.get("schema").asText(), value.path("deleted").asBoolean(false)));
                    }
                }
                case "CONFIG" -> state.applyLevel(subject,
                    value == null ? null : CompatibilityLevel.parse(value.path("compatibilityLevel").asText()).orElse(null));
                default -> {
                    // NOOP, DELETE_SUBJECT and other Confluent record kinds carry nothing this registry needs
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("skipping unreadable record at offset {} of {}: {}", record.offset(), topic, e.toString());
        }
    }

    private static boolean isAvro(JsonNode value) {
        return !value.hasNonNull("schemaType") || "AVRO".equals(value.get("schemaType").asText());
    }

    private long endOffset() {
        long deadline = System.nanoTime() + WRITE_TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(partition)
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).offset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryError.storeFailure("interrupted while reading the end of " + topic);
            } catch (ExecutionException e) {
                // A topic created a moment ago may not be in every broker's metadata yet (seen once when a
                // test started the registry right after creating _schemas on a loaded machine): retriable.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    log.error("cannot read the end offset of {}", topic, e);
                    throw RegistryError.storeTimeout("cannot read the end offset of " + topic + " (see the registry's log)");
                }
                sleepBriefly();
            } catch (TimeoutException e) {
                throw RegistryError.storeTimeout("Kafka did not tell the end offset of " + topic + " within "
                    + WRITE_TIMEOUT.toSeconds() + " s; is it up?");
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeFailure("interrupted while waiting for the schema topic's metadata");
        }
    }

    private long position() {
        synchronized (progress) {
            return position;
        }
    }

    private void awaitReadTo(long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (position < offset) {
                if (readerFailure != null || closed) {
                    throw RegistryError.storeFailure("the reader of " + topic + " stopped (see the registry's log)");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw RegistryError.storeTimeout("reading " + topic + " up to offset " + offset + " (at " + position + ")");
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryError.storeFailure("interrupted while reading " + topic);
                }
            }
        }
    }

    private void createTopicIfAbsent() {
        try {
            int brokers = admin.describeCluster().nodes().get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            NewTopic newTopic = new NewTopic(topic, 1, (short) Math.min(3, Math.max(1, brokers)))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("created schema topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.error("cannot create topic {}", topic, e.getCause());
                throw RegistryError.storeFailure("cannot create topic " + topic + " (see the registry's log)");
            }
        } catch (TimeoutException e) {
            throw RegistryError.storeTimeout("Kafka did not answer while creating " + topic + "; is the broker running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeFailure("interrupted while creating " + topic);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (reader.isAlive()) {
            consumer.wakeup();
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (!started) {
            consumer.close();
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
        admin.close(Duration.ofSeconds(5));
    }
}
