package io.tip.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;

class DeserializerErrorsTest {
    private final String registryUrl = SharedStack.get().registryUrl();

    private KafkaAvroDeserializer deserializer(String url) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), false);
        return deserializer;
    }

    @Test
    void nullBytesReadAsNull() {
        assertThat(deserializer(registryUrl).deserialize("t", null)).isNull();
    }

    @Test
    void aWrongMagicByteSaysItIsNotConfluentWireFormat() {
        // Given bytes that some other serializer wrote (JSON text)
        byte[] json = "{\"a\":1}".getBytes();

        // When / Then
        assertThatThrownBy(() -> deserializer(registryUrl).deserialize("t", json))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("unknown magic byte 0x7b")
            .hasMessageContaining("not Confluent wire format");
    }

    @Test
    void anUnknownSchemaIdIsNamedWithTheRegistry() {
        // Given a valid header pointing at an id nobody registered
        byte[] bytes = {0, 0x7f, 0, 0, 1, 2};

        // When / Then
        assertThatThrownBy(() -> deserializer(registryUrl).deserialize("t", bytes))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("schema id " + 0x7f000001 + " not found in registry " + registryUrl);
    }

    @Test
    void truncatedDataNamesTheSchemaId() {
        // Given a correctly written record cut short
        String topic = SharedStack.uniqueName("truncated");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        byte[] whole = serializer.serialize(topic, TestSchemas.price("ACME-LONG-SYMBOL", 1.0));
        int id = java.nio.ByteBuffer.wrap(whole, 1, 4).getInt();
        byte[] cut = Arrays.copyOf(whole, whole.length - 4);

        // When / Then
        assertThatThrownBy(() -> deserializer(registryUrl).deserialize(topic, cut))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("truncated or corrupt Avro data for schema id " + id);
        assertThatThrownBy(() -> deserializer(registryUrl).deserialize(topic, new byte[] {0, 0, 0}))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("shorter than the 5-byte Confluent wire-format header");
    }

    @Test
    void aRecursiveWriterSchemaNestedDeeperThanTheStackIsACorruptRecordNotAStackOverflow() {
        // Given a writer schema that contains itself, registered like any other, and a record whose bytes
        // nest it a million levels deep (each level: union branch 1, "another Node follows")
        String topic = SharedStack.uniqueName("recursive");
        org.apache.avro.Schema node = TestSchemas.parse(
            "{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}");
        int id = io.tip.registry.client.CachedSchemaRegistryClient.forUrl(registryUrl).register(topic + "-value", node);
        int depth = 1_000_000;
        byte[] bytes = new byte[5 + depth + 1];
        bytes[1] = (byte) (id >>> 24);
        bytes[2] = (byte) (id >>> 16);
        bytes[3] = (byte) (id >>> 8);
        bytes[4] = (byte) id;
        Arrays.fill(bytes, 5, 5 + depth, (byte) 2);

        // When / Then it is a SerializationException the dead-letter handler can act on, not an Error
        assertThatThrownBy(() -> deserializer(registryUrl).deserialize(topic, bytes))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("nested too deeply")
            .hasMessageContaining("schema id " + id);
    }

    @Test
    void anUnreachableRegistrySaysHowToStartOne() throws Exception {
        // Given a registry URL where nothing listens
        String deadUrl;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadUrl = "http://localhost:" + socket.getLocalPort();
        }
        byte[] bytes = {0, 0, 0, 0, 1, 2};

        // When / Then
        assertThatThrownBy(() -> deserializer(deadUrl).deserialize("t", bytes))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("registry unreachable at " + deadUrl)
            .hasMessageContaining("./tip dev");
    }
}
