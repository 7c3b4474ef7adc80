package io.tip.registry.serde;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.FastReaderBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import io.tip.registry.client.SchemaRegistryClient;
import io.tip.registry.client.SchemaRegistryException;

/**
 * Reads Confluent wire format into a GenericRecord, or with {@code specific.avro.reader=true} into the
 * generated class named by the writer schema, resolving writer to reader schema (added fields, enum
 * defaults). Failures are SerializationExceptions that name the cause; null bytes read as null.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {
    private SchemaRegistryClient client;
    private boolean specificReader;
    /** When set, every record is read into this schema, whatever the writer's (a projection, say); null: see class doc. */
    private final Schema fixedReader;
    private final GeneratedClasses generatedClasses = new GeneratedClasses(classLoader());
    /** The reader schema is a function of the writer schema here, so the writer's id identifies the pair. */
    private final Map<Integer, DatumReader<Object>> readersBySchemaId = new ConcurrentHashMap<>();

    /** Creates its own registry client from the config passed to {@link #configure}. */
    public KafkaAvroDeserializer() {
        this.fixedReader = null;
    }

    /** Uses a shared client; {@link #configure} still reads the serde settings. */
    public KafkaAvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
        this.fixedReader = null;
    }

    /**
     * Reads every record into {@code readerSchema} as a GenericRecord, by Avro's schema resolution: a
     * reader schema with fewer fields than the writer's (a projection) skips the others instead of
     * decoding them. A writer schema that does not resolve to it is a SerializationException.
     */
    public KafkaAvroDeserializer(SchemaRegistryClient client, Schema readerSchema) {
        this.client = client;
        this.fixedReader = Objects.requireNonNull(readerSchema, "readerSchema");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (client == null) {
            client = SchemaRegistryClient.create(config.clientConfig());
        }
        specificReader = config.specificAvroReader();
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("KafkaAvroDeserializer is not configured: call configure() with schema.registry.url");
        }
        int id = WireFormat.schemaId(bytes);
        DatumReader<Object> reader = readersBySchemaId.get(id);
        if (reader == null) {
            reader = readerFor(id, topic);
            readersBySchemaId.putIfAbsent(id, reader);
        }
        try {
            return WireFormat.decode(bytes, reader);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("truncated or corrupt Avro data for schema id " + id + " in topic " + topic
                + " (" + bytes.length + " bytes): " + e, e);
        } catch (StackOverflowError e) {
            // A writer schema that contains itself ("next": ["null", "Node"]) lets the bytes set the depth:
            // Avro reads (or skips) each level by recursion, and a 1 MB record nests a million levels.
            throw new SerializationException("record nested too deeply to decode: schema id " + id + " in topic " + topic
                + " (" + bytes.length + " bytes) is a recursive schema and these bytes nest it deeper than the stack allows");
        }
    }

    /** The application's loader where one is set (Streams, app servers), so its generated classes are found. */
    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : KafkaAvroDeserializer.class.getClassLoader();
    }

    private DatumReader<Object> readerFor(int id, String topic) {
        Schema writer;
        try {
            writer = client.getSchemaById(id);
        } catch (SchemaRegistryException e) {
            // The cause stays attached: a RegistryUnavailableException means "retry later", not "bad record".
            throw new SerializationException("cannot read record from topic " + topic + ": " + e.getMessage(), e);
        }
        if (fixedReader != null) {
            return fastReader(GenericData.get(), writer, fixedReader, id);
        }
        if (!specificReader) {
            return fastReader(GenericData.get(), writer, writer, id);
        }
        Class<?> type = generatedClasses.getClass(writer);
        if (type == null) {
            throw new SerializationException("no generated class " + writer.getFullName() + " on the classpath for schema id "
                + id + " (topic " + topic + "); add the jar with the generated Avro classes or set specific.avro.reader=false");
        }
        Schema readerSchema = generatedClasses.getSchema(type);
        return fastReader(generatedClasses, writer, readerSchema, id);
    }

    /**
     * Avro's fast reader: the writer-to-reader resolution is worked out once into a tree of field
     * readers, instead of being interpreted by a ResolvingDecoder on every record. Same results
     * (defaults, enum defaults, unions); reading a large record (a thesis state) took about half the time.
     */
    private static DatumReader<Object> fastReader(GenericData model, Schema writer, Schema reader, int id) {
        try {
            return new FastReaderBuilder(model).createDatumReader(writer, reader);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot resolve writer schema id " + id + " (" + writer.getFullName()
                + ") to the reader schema: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new SerializationException("cannot resolve writer schema id " + id + " (" + writer.getFullName()
                + ") to the reader schema: it nests too deeply");
        }
    }
}
