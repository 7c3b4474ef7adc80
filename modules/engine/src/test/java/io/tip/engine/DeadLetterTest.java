package io.tip.engine;

import static io.tip.engine.PipelineDriver.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tip.engine.internal.process.DeadLetterHandler;
import io.tip.model.EventType;
import io.tip.model.MarketEvent;
import io.tip.model.Stance;

/** Bad input lands in the dead-letter topic with its reason, and the good record after it still gets through. */
class DeadLetterTest {
    private final PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    static Stream<Arguments> invalidEvents() {
        MarketEvent.Builder ok = event("bad", EventType.ACQUISITION, "A", "B", "A buys B");
        return Stream.of(
                Arguments.of("missing actor", MarketEvent.newBuilder(ok.build()).setActor("").build(), "actor is missing"),
                Arguments.of("year 9999", MarketEvent.newBuilder(ok.build()).setOccurredAt(Instant.parse("9999-01-01T00:00:00Z")).build(), "in the future"),
                Arguments.of("negative amount", MarketEvent.newBuilder(ok.build()).setAmountUsd(-5L).build(), "amountUsd -5 is outside"),
                Arguments.of("absurd amount", MarketEvent.newBuilder(ok.build()).setAmountUsd(Long.MAX_VALUE).build(), "is outside"),
                Arguments.of("huge headline", MarketEvent.newBuilder(ok.build()).setHeadline("x".repeat(100_000)).build(), "headline is 100000 characters"),
                Arguments.of("blank id", MarketEvent.newBuilder(ok.build()).setId(" ").build(), "id is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void anInvalidEventIsADeadLetterWithItsReason(String name, MarketEvent bad, String reason) {
        givenAThesisThatMatchesAcquisitions();

        pipeline.events.pipeInput(new TestRecord<>(bad.getId(), bad, PipelineDriver.NOW));
        pipeline.publish(event("good", EventType.ACQUISITION, "A", "B", "A buys B").build());

        var letter = pipeline.deadLetters.readRecord();
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).contains(reason);
        assertThat(header(letter, "__streams.errors.topic")).isEqualTo("market-events");
        assertThat(pipeline.deadLetters.isEmpty()).isTrue();
        assertThat(pipeline.counts.deadLetters).hasValue(1);
        assertThat(pipeline.impacts.readValuesToList()).extracting(i -> i.getEventId()).containsExactly("good");
    }

    static Stream<Arguments> undecodableRecords() {
        return Stream.of(
                Arguments.of("garbage bytes", "e1".getBytes(StandardCharsets.UTF_8), "not a market event".getBytes(StandardCharsets.UTF_8), "magic byte"),
                Arguments.of("unknown schema id", "e2".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0x7f, 0x7f, 1, 2}, "not found"),
                Arguments.of("null value", "e3".getBytes(StandardCharsets.UTF_8), null, "null value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecodableRecords")
    void aRecordThatCannotBeReadIsADeadLetterKeptAsReceived(String name, byte[] key, byte[] value, String reason) {
        givenAThesisThatMatchesAcquisitions();

        pipeline.rawEvents.pipeInput(new TestRecord<>(key, value, PipelineDriver.NOW));
        pipeline.publish(event("good", EventType.ACQUISITION, "A", "B", "A buys B").build());

        var letter = pipeline.deadLetters.readRecord();
        assertThat(letter.value()).isEqualTo(value);
        assertThat(letter.key()).isEqualTo(key);
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER).toLowerCase()).contains(reason);
        assertThat(pipeline.impacts.readValuesToList()).extracting(i -> i.getEventId()).containsExactly("good");
    }

    @Test
    void aValidEventWithoutAKeyIsADeadLetterSayingTheKeyMustBeTheId() {
        givenAThesisThatMatchesAcquisitions();
        byte[] value = pipeline.bytes(event("keyless", EventType.ACQUISITION, "A", "B", "A buys B").build());

        pipeline.rawEvents.pipeInput(new TestRecord<>(null, value, PipelineDriver.NOW));
        pipeline.publish(event("good", EventType.ACQUISITION, "A", "B", "A buys B").build());

        var letter = pipeline.deadLetters.readRecord();
        assertThat(letter.key()).isNull();
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER))
                .isEqualTo("null key: the key must be the event id ('keyless') so re-sent events land on the same partition");
        assertThat(pipeline.impacts.readValuesToList()).extracting(i -> i.getEventId()).containsExactly("good");
    }

    @Test
    void aKeyThatDiffersFromTheEventIdIsADeadLetter() {
        givenAThesisThatMatchesAcquisitions();
        MarketEvent event = event("the-id", EventType.ACQUISITION, "A", "B", "A buys B").build();

        pipeline.events.pipeInput(new TestRecord<>("another-id", event, PipelineDriver.NOW));

        var letter = pipeline.deadLetters.readRecord();
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER))
                .isEqualTo("key 'another-id' differs from the event id 'the-id': key events by their id");
        assertThat(pipeline.impacts.isEmpty()).isTrue();
        assertThat(pipeline.counts.deadLetters).hasValue(1);
    }

    @Test
    void aDeadLetterWithAKeyAndValueLargerThanKafkaAcceptsKeepsTheFirstBytesOfBoth() {
        givenAThesisThatMatchesAcquisitions();
        byte[] key = new byte[DeadLetterHandler.MAX_LETTER_BYTES + 1];
        java.util.Arrays.fill(key, (byte) 'k');
        byte[] value = new byte[300_000]; // not Confluent wire format: undecodable
        java.util.Arrays.fill(value, (byte) 'v');

        pipeline.rawEvents.pipeInput(new TestRecord<>(key, value, PipelineDriver.NOW));
        pipeline.publish(event("good", EventType.ACQUISITION, "A", "B", "A buys B").build());

        var letter = pipeline.deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(java.util.Arrays.copyOf(key, DeadLetterHandler.MAX_LETTER_BYTES));
        assertThat(letter.value()).isEqualTo(java.util.Arrays.copyOf(value, DeadLetterHandler.MAX_LETTER_BYTES));
        assertThat(header(letter, DeadLetterHandler.TRUNCATED_HEADER))
                .startsWith("key 262145 bytes, value 300000 bytes; first 262144 kept"); // then what else was cut (the stack trace)
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).contains("magic byte");
        assertThat(pipeline.impacts.readValuesToList()).extracting(i -> i.getEventId()).containsExactly("good");
    }

    @Test
    void aDeadLetterWithALongKeyOnlyKeepsItsValueWhole() {
        givenAThesisThatMatchesAcquisitions();
        byte[] key = new byte[DeadLetterHandler.MAX_LETTER_BYTES + 10];
        java.util.Arrays.fill(key, (byte) 'k');
        byte[] value = "garbage".getBytes(StandardCharsets.UTF_8);

        pipeline.rawEvents.pipeInput(new TestRecord<>(key, value, PipelineDriver.NOW));

        var letter = pipeline.deadLetters.readRecord();
        assertThat(letter.key()).hasSize(DeadLetterHandler.MAX_LETTER_BYTES);
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, DeadLetterHandler.TRUNCATED_HEADER)).startsWith("key 262154 bytes; first 262144 kept")
                .doesNotContain("value");
    }

    @Test
    void aDeadLetterOfExactlyTheLimitIsKeptWhole() {
        givenAThesisThatMatchesAcquisitions();
        byte[] value = new byte[DeadLetterHandler.MAX_LETTER_BYTES];
        java.util.Arrays.fill(value, (byte) 'v');

        pipeline.rawEvents.pipeInput(new TestRecord<>("k".getBytes(StandardCharsets.UTF_8), value, PipelineDriver.NOW));

        var letter = pipeline.deadLetters.readRecord();
        assertThat(letter.value()).isEqualTo(value);
        // only texts (the stack trace) may have been cut, never the key or the value
        var truncated = letter.headers().lastHeader(DeadLetterHandler.TRUNCATED_HEADER);
        if (truncated != null) {
            assertThat(new String(truncated.value(), StandardCharsets.UTF_8)).doesNotContain("key ").doesNotContain("value ");
        }
    }

    @Test
    void aDeadLetterLargerThanKafkaAcceptsKeepsItsFirstBytesAndSaysSo() {
        givenAThesisThatMatchesAcquisitions();
        MarketEvent huge = MarketEvent.newBuilder(event("huge", EventType.ACQUISITION, "A", "B", "x".repeat(5 * 1024 * 1024)).build()).build();

        pipeline.events.pipeInput(new TestRecord<>(huge.getId(), huge, PipelineDriver.NOW));
        pipeline.publish(event("good", EventType.ACQUISITION, "A", "B", "A buys B").build());

        var letter = pipeline.deadLetters.readRecord();
        assertThat(letter.value()).hasSize(DeadLetterHandler.MAX_LETTER_BYTES);
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).contains("headline is 5242880 characters");
        assertThat(header(letter, DeadLetterHandler.TRUNCATED_HEADER)).matches("value 52429\\d\\d bytes; first 262144 kept.*");
        assertThat(pipeline.impacts.readValuesToList()).extracting(i -> i.getEventId()).containsExactly("good");
    }

    private void givenAThesisThatMatchesAcquisitions() {
        pipeline.load(Notes.thesis("deals").signal(Stance.SUPPORTS, "type=acquisition", "deals").build());
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        assertThat(h).as("header " + name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
