package io.tip.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Confluent's wire format built by hand — magic byte 0, 4-byte big-endian schema id, Avro binary —
 * as any client in any language writes it, and as a poison producer gets it wrong.
 */
final class ConfluentWire {
    private ConfluentWire() {
    }

    static Schema parse(Path avsc) {
        try {
            return new Schema.Parser().parse(avsc.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    /** The Avro binary body of {@code record} written with {@code writer}, without any header. */
    static byte[] avro(Schema writer, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] frame(byte magic, int schemaId, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put(magic).putInt(schemaId).put(body).array();
    }

    static byte[] encode(int schemaId, Schema writer, GenericRecord record) {
        return frame((byte) 0, schemaId, avro(writer, record));
    }
}
