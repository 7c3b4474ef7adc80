package io.tip.devstack.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 */
final class SchemaLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemaLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final String topic;
    private final TopicPartition partition;
    private final RegistryState state;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
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
        this.producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 0,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis()), new ByteArraySerializer(), new ByteArraySerializer());
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

    /** Waits until this instance has seen every record written so far, including other instances' writes. */
    void catchUp() {
        awaitReadTo(endOffset(), WRITE_TIMEOUT);
    }

    void append(SchemaVersion version) {
        ObjectNode key = JSON.createObjectNode()
            .put("keytype", "SCHEMA").put("subject", version.subject()).put("version", version.version()).put("magic", 1);
        ObjectNode value = JSON.createObjectNode()
            .put("subject", version.subject()).put("version", version.version()).put("id", version.id())
            .put("schema", version.schema()).put("deleted", version.deleted());
        write(key, value);
    }

    /** A null subject is the global level; a null level removes a subject's own level. */
    void appendLevel(String subjectOrNull, CompatibilityLevel levelOrNull) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG").put("subject", subjectOrNull).put("magic", 0);
        ObjectNode value = levelOrNull == null ? null : JSON.createObjectNode().put("compatibilityLevel", levelOrNull.name());
        write(key, value);
    }

    private void write(ObjectNode key, ObjectNode value) {
        long offset;
        try {
            byte[] valueBytes = value == null ? null : JSON.writeValueAsBytes(value);
            offset = producer.send(new ProducerRecord<>(topic, 0, JSON.writeValueAsBytes(key), valueBytes))
                .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeFailure("interrupted while writing to " + topic);
        } catch (TimeoutException e) {
            throw RegistryError.storeTimeout("writing to " + topic + " took over " + WRITE_TIMEOUT.toSeconds() + " s; is Kafka up?");
        } catch (ExecutionException | IOException e) {
            throw RegistryError.storeFailure("cannot write to " + topic + ": " + e.getMessage());
        }
        awaitReadTo(offset + 1, WRITE_TIMEOUT);
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
                    // a tombstone is a permanent delete; this registry only soft-deletes, so it leaves state as is
                    if (value != null && isAvro(value)) {
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
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).offset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryError.storeFailure("interrupted while reading the end of " + topic);
            } catch (ExecutionException e) {
                // A topic created a moment ago may not be in every broker's metadata yet (seen once when a
                // test started the registry right after creating _schemas on a loaded machine): retriable.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw RegistryError.storeTimeout("cannot read the end offset of " + topic + ": " + e);
                }
                sleepBriefly();
            } catch (TimeoutException e) {
                throw RegistryError.storeTimeout("cannot read the end offset of " + topic + ": " + e);
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
                    throw RegistryError.storeFailure("the reader of " + topic + " stopped: " + readerFailure);
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
                throw RegistryError.storeFailure("cannot create topic " + topic + ": " + e.getCause());
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
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
