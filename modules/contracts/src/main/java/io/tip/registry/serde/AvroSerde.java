package io.tip.registry.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.tip.registry.client.SchemaRegistryClient;

/** A serializer and deserializer pair sharing one registry client; the reader kind is fixed by the subclass. */
abstract class AvroSerde<T> implements Serde<T> {
    private final SchemaRegistryClient sharedClient;
    private final boolean specificReader;
    private KafkaAvroSerializer inner;
    private KafkaAvroDeserializer innerDeserializer;
    private final Serializer<T> serializer = (topic, data) -> configured(inner).serialize(topic, data);
    @SuppressWarnings("unchecked")
    private final Deserializer<T> deserializer = (topic, bytes) -> (T) configured(innerDeserializer).deserialize(topic, bytes);

    AvroSerde(SchemaRegistryClient sharedClient, boolean specificReader) {
        this.sharedClient = sharedClient;
        this.specificReader = specificReader;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> settings = new HashMap<>(configs);
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, specificReader);
        SchemaRegistryClient client = sharedClient != null ? sharedClient
            : SchemaRegistryClient.create(new AvroSerdeConfig(settings).clientConfig());
        KafkaAvroSerializer newSerializer = new KafkaAvroSerializer(client);
        newSerializer.configure(settings, isKey);
        KafkaAvroDeserializer newDeserializer = new KafkaAvroDeserializer(client);
        newDeserializer.configure(settings, isKey);
        inner = newSerializer;
        innerDeserializer = newDeserializer;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    private <S> S configured(S part) {
        if (part == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not configured: call configure() with schema.registry.url");
        }
        return part;
    }
}
