package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * A minimal reproduction of the Kafka Streams 4.4 bug tip's TableRecordDeserializer (engine) works around:
 * with a dead-letter topic configured, one record a global store's deserializer rejects kills the
 * global thread with a ClassCastException ({@code GlobalProcessorContextImpl} is not a
 * {@code RecordCollector.Supplier}, in {@code RecordDeserializer.handleDeserializationFailure}), and the
 * instance cannot start. Reported in the discussion of apache/kafka PR 21535 (KAFKA-19939); the fix is
 * proposed by KIP-1295 (KAFKA-20280), in no released Kafka as of 4.4. When this test fails after a Kafka
 * upgrade, the bug is fixed: the workaround may go, and this test with it.
 */
class GlobalDeadLetterBugTest {

    @Test
    void kafka44GlobalThreadDiesWithClassCastExceptionOnADeserializationFailureWhenADeadLetterTopicIsSet(@TempDir Path dir) {
        try (TestStack stack = TestStack.start(dir)) {
            // Given a table topic holding one record its deserializer rejects
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("table", 1, (short) 1), new NewTopic("letters", 1, (short) 1))).all().get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("table", "k", "unreadable"));
            }
            Deserializer<String> rejecting = (topic, bytes) -> {
                throw new SerializationException("cannot read this record");
            };
            // and a topology with just a global store over it
            Topology topology = new Topology();
            topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("store"), Serdes.String(), Serdes.String())
                            .withLoggingDisabled(), "source", new StringDeserializer(), rejecting, "table", "loader",
                    () -> new Processor<String, String, Void, Void>() {
                        @Override
                        public void process(Record<String, String> record) {
                        }
                    });
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "kafka-global-dlq-bug");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
            props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
            props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "letters");

            // When it starts
            AtomicReference<Throwable> failure = new AtomicReference<>();
            try (KafkaStreams streams = new KafkaStreams(topology, props)) {
                streams.setUncaughtExceptionHandler(e -> {
                    failure.compareAndSet(null, e);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
                try {
                    streams.start(); // Kafka Streams 4.4 initializes the global thread inside start()
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }

                // Then, although the handler says "log and continue", the global thread dies of a ClassCastException
                // ("Exception caught during initialization of GlobalStreamThread")
                await("the global thread's failure").atMost(Duration.ofSeconds(60)).until(() -> failure.get() != null
                        || streams.state() == KafkaStreams.State.ERROR);
                assertThat(causes(failure.get())).as("Kafka fixed the global dead-letter bug? Then TableRecordDeserializer's "
                        + "workaround and this test can go").anySatisfy(cause -> assertThat(cause)
                        .isInstanceOf(ClassCastException.class).hasMessageContaining("GlobalProcessorContextImpl"));
            }
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }
}
