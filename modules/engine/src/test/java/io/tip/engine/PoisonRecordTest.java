package io.tip.engine;

import static io.tip.engine.PipelineDriver.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tip.engine.internal.process.DeadLetterHandler;
import io.tip.model.EventType;
import io.tip.model.MarketEvent;
import io.tip.model.Stance;
import io.tip.registry.client.MockSchemaRegistry;

/**
 * Records that used to stop a partition (issue 14): each is processed or dead-lettered with a reason,
 * the dead letter as a whole fits Kafka's default 1 MB limit, and the good event after it gets through.
 */
class PoisonRecordTest {
    /** Kafka's default max.request.size and message.max.bytes (about 1 MB): every dead letter must fit under it. */
    private static final int KAFKA_DEFAULT_LIMIT = 1024 * 1024;

    private final AtomicInteger skippedRows = new AtomicInteger();
    private final PipelineDriver pipeline = new PipelineDriver(Map.of(), new PipelineListener() {
        @Override
        public void tableRecordSkipped(String topic, String reason) {
            skippedRows.incrementAndGet();
        }
    });

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void aRecursiveWriterSchemaNestedAMillionDeepIsADeadLetter() {
        givenAThesisThatMatchesAcquisitions();
        // Given a producer's MarketEvent with an extra field of a type that contains itself, registered
        // under some subject, and one record nesting it a million levels deep in its last field
        Schema node = Schema.createRecord("Node", null, "com.example", false);
        node.setFields(List.of(new Schema.Field("next", Schema.createUnion(Schema.create(Schema.Type.NULL), node), null,
                Schema.Field.NULL_DEFAULT_VALUE)));
        List<Schema.Field> fields = new ArrayList<>();
        MarketEvent.getClassSchema().getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("extra", Schema.createUnion(Schema.create(Schema.Type.NULL), node), null,
                Schema.Field.NULL_DEFAULT_VALUE));
        Schema writer = Schema.createRecord("MarketEvent", null, "io.tip.model", false, fields);
        int id = MockSchemaRegistry.scope(pipeline.registryUrl).register("anything-value", writer);
        MarketEvent deep = event("deep", EventType.ACQUISITION, "A", "B", "A buys B").build();
        byte[] value = frame(id, avro(deep), 1_000_000);

        // When it arrives, then a good event
        pipeline.rawEvents.pipeInput(new TestRecord<>(bytes("deep"), value, PipelineDriver.NOW));
        pipeline.publish(event("good", EventType.ACQUISITION, "A", "B", "A buys B").build());

        // Then it is a dead letter that says why, and the good event is processed
        var letter = pipeline.deadLetters.readRecord();
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).contains("nested too deeply");
        assertThat(size(letter)).isLessThan(KAFKA_DEFAULT_LIMIT);
        assertThat(pipeline.impacts.readValuesToList()).extracting(i -> i.getEventId()).containsExactly("good");
    }

    @Test
    void aValidEventTooLargeToForwardIsRejectedAtValidation() {
        givenAThesisThatMatchesAcquisitions();
        // Given a valid event of ~2 MB within every field limit (256 attributes of 4,000-character names
        // and values) that matches nothing: forwarding it to market-events.unmatched would exceed max.request.size
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < 256; i++) {
            attributes.put(String.format("%04d", i) + "k".repeat(3996), "v".repeat(4000));
        }
        MarketEvent big = event("big", EventType.EARNINGS, "Nobody", null, "Nobody reports").setAttributes(attributes).build();

        // When it arrives, then a good event
        pipeline.publish(big);
        pipeline.publish(event("good", EventType.ACQUISITION, "A", "B", "A buys B").build());

        // Then it is a dead letter naming the limit (it never reaches the unmatched topic) and the good event is processed
        var letter = pipeline.deadLetters.readRecord();
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).contains("bytes").contains(EngineConfig.VALIDATION_MAX_EVENT_BYTES);
        assertThat(size(letter)).isLessThan(KAFKA_DEFAULT_LIMIT);
        assertThat(pipeline.unmatchedRaw.isEmpty()).isTrue();
        assertThat(pipeline.impacts.readValuesToList()).extracting(i -> i.getEventId()).containsExactly("good");
    }

    @Test
    void garbageWithMegabytesOfHeadersIsADeadLetterThatFitsAndSaysWhatWasDropped() {
        givenAThesisThatMatchesAcquisitions();
        // Given garbage carrying 1.5 MB of record headers
        RecordHeaders headers = heavyHeaders();

        // When it arrives, then a good event
        pipeline.rawEvents.pipeInput(new TestRecord<>(bytes("junk"), bytes("not avro"), headers, PipelineDriver.NOW));
        pipeline.publish(event("good", EventType.ACQUISITION, "A", "B", "A buys B").build());

        // Then its dead letter fits as a whole, keeps the bytes received and says which headers it dropped
        var letter = pipeline.deadLetters.readRecord();
        assertThat(size(letter)).isLessThan(KAFKA_DEFAULT_LIMIT);
        assertThat(letter.value()).isEqualTo(bytes("not avro"));
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).contains("magic byte");
        assertThat(header(letter, DeadLetterHandler.TRUNCATED_HEADER)).contains("original headers").contains("dropped");
        assertThat(pipeline.impacts.readValuesToList()).extracting(i -> i.getEventId()).containsExactly("good");
    }

    @Test
    void aValidSmallEventWithMegabytesOfHeadersIsRejectedAndItsDeadLetterFits() {
        givenAThesisThatMatchesAcquisitions();
        // Given a valid event that matches nothing but carries 1.5 MB of headers (forwarded as received, it would not fit)
        MarketEvent small = event("small", EventType.EARNINGS, "Nobody", null, "Nobody reports").build();

        // When it arrives, then a good event
        pipeline.events.pipeInput(new TestRecord<>(small.getId(), small, heavyHeaders(), PipelineDriver.NOW));
        pipeline.publish(event("good", EventType.ACQUISITION, "A", "B", "A buys B").build());

        // Then it is a dead letter that fits, and nothing reached the unmatched topic
        var letter = pipeline.deadLetters.readRecord();
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).contains(EngineConfig.VALIDATION_MAX_EVENT_BYTES);
        assertThat(size(letter)).isLessThan(KAFKA_DEFAULT_LIMIT);
        assertThat(pipeline.unmatchedRaw.isEmpty()).isTrue();
        assertThat(pipeline.impacts.readValuesToList()).extracting(i -> i.getEventId()).containsExactly("good");
    }

    @Test
    void anUndecodableTableRecordIsSkippedAndCountedAndTheRestOfTheTableLoads() {
        // Given a garbage record in the theses table, then a good thesis
        pipeline.rawTheses.pipeInput(new TestRecord<>(bytes("broken"), bytes("not a thesis"), PipelineDriver.NOW));
        pipeline.rawTheses.pipeInput(new TestRecord<>(bytes("broken-2"), new byte[] {0, 0, 0, 0x7f, 0x7f, 1}, PipelineDriver.NOW));
        givenAThesisThatMatchesAcquisitions();

        // When an event arrives
        pipeline.publish(event("good", EventType.ACQUISITION, "A", "B", "A buys B").build());

        // Then the bad rows were skipped and counted, and the good thesis is in force
        assertThat(skippedRows).hasValue(2);
        assertThat(pipeline.impacts.readValuesToList()).extracting(i -> i.getThesisId()).containsExactly("deals");
    }

    private static RecordHeaders heavyHeaders() {
        RecordHeaders headers = new RecordHeaders();
        byte[] tenKb = new byte[10 * 1024];
        Arrays.fill(tenKb, (byte) 'h');
        for (int i = 0; i < 150; i++) {
            headers.add("trace-" + i, tenKb);
        }
        return headers;
    }

    private void givenAThesisThatMatchesAcquisitions() {
        pipeline.load(Notes.thesis("deals").signal(Stance.SUPPORTS, "type=acquisition", "deals").build());
    }

    private static byte[] avro(MarketEvent event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(MarketEvent.class).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wire format: magic byte, schema id, the event's fields, then {@code depth} levels of "another Node follows". */
    private static byte[] frame(int id, byte[] event, int depth) {
        ByteBuffer buffer = ByteBuffer.allocate(5 + event.length + depth + 1);
        buffer.put((byte) 0).putInt(id).put(event);
        for (int i = 0; i < depth; i++) {
            buffer.put((byte) 2);
        }
        buffer.put((byte) 0);
        return buffer.array();
    }

    private static int size(TestRecord<byte[], byte[]> letter) {
        int size = (letter.key() == null ? 0 : letter.key().length) + (letter.value() == null ? 0 : letter.value().length);
        for (Header h : letter.headers()) {
            size += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        return size;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        assertThat(h).as("header " + name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
