package io.tip.registry.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import io.tip.registry.client.RegisteredSchema;
import io.tip.registry.client.SchemaRegistryClient;
import io.tip.registry.client.SchemaRegistryException;

/**
 * Writes Avro records (generic or generated) in Confluent's wire format under subject
 * {@code <topic>-value} / {@code <topic>-key}. After the first record of a schema it touches neither
 * HTTP nor the schema parser: ids come from the client's cache and writers from this one's.
 */
public class KafkaAvroSerializer implements Serializer<Object> {
    private SchemaRegistryClient client;
    private boolean autoRegister = true;
    private boolean useLatestVersion;
    private String subjectSuffix = "-value";
    private final Map<String, String> subjectsByTopic = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();

    /** Creates its own registry client from the config passed to {@link #configure}. */
    public KafkaAvroSerializer() {
    }

    /** Uses a shared client; {@link #configure} still reads the serde settings. */
    public KafkaAvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (client == null) {
            client = SchemaRegistryClient.create(config.clientConfig());
        }
        autoRegister = config.autoRegisterSchemas();
        useLatestVersion = config.useLatestVersion();
        subjectSuffix = isKey ? "-key" : "-value";
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("KafkaAvroSerializer is not configured: call configure() with schema.registry.url");
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("KafkaAvroSerializer writes Avro records; got " + data.getClass().getName()
                + " for topic " + topic);
        }
        String subject = subjectsByTopic.computeIfAbsent(topic, t -> t + subjectSuffix);
        Schema schema = container.getSchema();
        int id;
        try {
            if (autoRegister) {
                id = client.register(subject, schema);
            } else if (useLatestVersion) {
                RegisteredSchema latest = latestBySubject.computeIfAbsent(subject, client::getLatest);
                id = latest.id();
                schema = latest.schema();
            } else {
                id = client.getId(subject, schema);
            }
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " to topic " + topic
                + " (subject " + subject + "): " + e.getMessage(), e);
        }
        try {
            return WireFormat.encode(id, writerFor(schema, data), data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + schema.getFullName() + " with schema id " + id
                + " for topic " + topic + ": " + e, e);
        }
    }

    private DatumWriter<Object> writerFor(Schema schema, Object data) {
        if (data instanceof SpecificRecord) {
            // the class's own model: Avro's lookup by schema name would refuse classes outside its trusted packages
            return specificWriters.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, SpecificData.getForClass(data.getClass())));
        }
        return genericWriters.computeIfAbsent(schema, s -> new GenericDatumWriter<>(s, GenericData.get()));
    }
}
