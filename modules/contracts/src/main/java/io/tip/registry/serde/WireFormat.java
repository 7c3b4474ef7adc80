package io.tip.registry.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, the schema id as 4 big-endian bytes, then Avro binary.
 * Encoders, decoders and the output buffer are reused per thread: Kafka Streams shares one serde
 * instance between its stream threads, and allocating them per record costs throughput.
 */
final class WireFormat {
    static final byte MAGIC_BYTE = 0x0;
    static final int HEADER_SIZE = 5;
    /** A buffer grown past this by one huge record is dropped rather than kept per thread. */
    private static final int MAX_RETAINED_BUFFER = 1 << 20;

    private static final class Scratch {
        Buffer buffer = new Buffer();
        BinaryEncoder encoder;
        BinaryDecoder decoder;
    }

    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(256);
        }

        int capacity() {
            return buf.length;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private WireFormat() {
    }

    static byte[] encode(int schemaId, DatumWriter<Object> writer, Object datum) throws IOException {
        Scratch scratch = SCRATCH.get();
        Buffer out = scratch.buffer;
        out.reset();
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
        scratch.encoder = EncoderFactory.get().binaryEncoder(out, scratch.encoder);
        writer.write(datum, scratch.encoder);
        scratch.encoder.flush();
        byte[] bytes = out.toByteArray();
        if (out.capacity() > MAX_RETAINED_BUFFER) {
            scratch.buffer = new Buffer();
        }
        return bytes;
    }

    /** The schema id in the header; a SerializationException naming the problem if there is no valid header. */
    static int schemaId(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("unknown magic byte 0x%02x (not Confluent wire format, "
                + "which starts with 0x00 and a 4-byte schema id); was this written without an Avro serializer?", bytes[0]));
        }
        if (bytes.length < HEADER_SIZE) {
            throw new SerializationException("truncated record: " + bytes.length
                + " bytes, shorter than the 5-byte Confluent wire-format header");
        }
        return ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
    }

    /** Decodes the Avro body; an IOException (EOF, trailing bytes) means the body does not match the schema. */
    static Object decode(byte[] bytes, DatumReader<Object> reader) throws IOException {
        Scratch scratch = SCRATCH.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_SIZE, bytes.length - HEADER_SIZE, scratch.decoder);
        scratch.decoder = decoder;
        Object datum = reader.read(null, decoder);
        if (!decoder.isEnd()) {
            throw new IOException("bytes left over after reading a complete record");
        }
        return datum;
    }
}
