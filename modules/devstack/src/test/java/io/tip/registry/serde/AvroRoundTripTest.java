package io.tip.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;
import io.tip.registry.client.CachedSchemaRegistryClient;
import io.tip.registry.client.RegisteredSchema;
import io.tip.devstack.EmbeddedStack;
import io.tip.registry.testdata.Side;
import io.tip.registry.testdata.Trade;

class AvroRoundTripTest {
    private final EmbeddedStack stack = SharedStack.get();

    @Test
    void aRecordTravelsThroughRegistryAndBrokerInConfluentWireFormat() throws Exception {
        // Given a topic and an Avro serializer that registers on first use
        String topic = SharedStack.uniqueName("prices");
        createTopic(topic);
        Map<String, Object> config = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        GenericRecord sent = TestSchemas.price("ACME", 12.5);

        // When it is produced and consumed as raw bytes
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), serializer(config))) {
            producer.send(new ProducerRecord<>(topic, "ACME", sent)).get();
        }
        byte[] bytes = consumeOne(topic);

        // Then the bytes are magic 0 + the registered id + Avro binary that plain Avro decodes
        RegisteredSchema registered = CachedSchemaRegistryClient.forUrl(stack.registryUrl()).getLatest(topic + "-value");
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, 5);
        assertThat(header.get()).isEqualTo((byte) 0);
        assertThat(header.getInt()).isEqualTo(registered.id());
        GenericRecord plain = new GenericDatumReader<GenericRecord>(registered.schema())
            .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(plain.get("symbol")).hasToString("ACME");
        assertThat(plain.get("price")).isEqualTo(12.5);

        // and the deserializer gives the same record back
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(sent);
    }

    @Test
    void specificSerdeReadsBackTheGeneratedClassAndSharesItsClient() {
        // Given a SpecificAvroSerde sharing one client
        String topic = SharedStack.uniqueName("trades");
        CachedSchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(stack.registryUrl());
        SpecificAvroSerde<Trade> serde = new SpecificAvroSerde<>(client);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()), false);
        Trade trade = Trade.newBuilder().setSymbol("ACME").setQuantity(10).setSide(Side.SELL).build();

        // When a trade is written and read back
        byte[] bytes = serde.serializer().serialize(topic, trade);
        Trade read = serde.deserializer().deserialize(topic, bytes);

        // Then it is an equal Trade, registered under <topic>-value
        assertThat(read).isInstanceOf(Trade.class).isEqualTo(trade);
        assertThat(client.getLatest(topic + "-value").schema()).isEqualTo(Trade.getClassSchema());
    }

    @Test
    void keysUseTheKeySubjectAndGenericSerdeReadsGenericRecords() {
        // Given a GenericAvroSerde configured for keys
        String topic = SharedStack.uniqueName("keyed");
        GenericAvroSerde serde = new GenericAvroSerde();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()), true);

        // When a key is written and read
        GenericRecord key = TestSchemas.price("KEY", 1.0);
        GenericRecord read = serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, key));

        // Then the schema lives under <topic>-key
        assertThat(read).isEqualTo(key);
        assertThat(CachedSchemaRegistryClient.forUrl(stack.registryUrl()).getLatest(topic + "-key").version()).isEqualTo(1);
    }

    private static KafkaAvroSerializer serializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private byte[] consumeOne(String topic) {
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        assertThat(values).as("records consumed from " + topic).hasSize(1);
        return values.get(0);
    }
}
