package io.tip.engine.internal.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.tip.model.topics.Topics;

/**
 * Makes a dead letter fit the topic as a whole — key, value, every header, message and stack trace —
 * and says what was cut in a {@value #TRUNCATED_HEADER} header. A letter larger than the producer's
 * {@code max.request.size} (1 MB by default) fails to send, and Kafka Streams 4.4 then dead-letters the
 * dead letter, recursing until StackOverflowError: a poison pill that stops the partition. The limits
 * add up to well under 1 MB: 256 KiB each for key and value, 64 KiB of the original headers, 8 KiB for
 * each of tip's and Kafka Streams' texts.
 */
final class DeadLetters {
    static final String REASON_HEADER = Topics.DEAD_LETTER_REASON_HEADER;
    static final String TRUNCATED_HEADER = "tip.truncated";
    /** Most bytes of a key or value a dead letter keeps. */
    static final int MAX_LETTER_BYTES = 256 * 1024;
    /** Most bytes (names and values) of the original record's headers a dead letter keeps. */
    static final int MAX_ORIGINAL_HEADER_BYTES = 64 * 1024;
    /** Most bytes of the reason, exception message or stack trace. */
    static final int MAX_TEXT_BYTES = 8 * 1024;
    /** Headers the letter adds (the last one of each name); every other header came with the record. */
    private static final Set<String> LETTER_HEADERS = Set.of(REASON_HEADER,
            "__streams.errors.exception", "__streams.errors.message", "__streams.errors.stacktrace",
            "__streams.errors.topic", "__streams.errors.partition", "__streams.errors.offset");

    private DeadLetters() {
    }

    /** The letter as it is, or cut to the limits above with a {@value #TRUNCATED_HEADER} header saying what was cut. */
    static ProducerRecord<byte[], byte[]> fitted(ProducerRecord<byte[], byte[]> letter) {
        List<String> cuts = new ArrayList<>();
        byte[] key = letter.key();
        byte[] value = letter.value();
        boolean keyTooLong = key != null && key.length > MAX_LETTER_BYTES;
        boolean valueTooLong = value != null && value.length > MAX_LETTER_BYTES;
        if (keyTooLong || valueTooLong) {
            cuts.add((keyTooLong ? "key " + key.length + " bytes" : "")
                    + (keyTooLong && valueTooLong ? ", " : "")
                    + (valueTooLong ? "value " + value.length + " bytes" : "") + "; first " + MAX_LETTER_BYTES + " kept");
        }

        Header[] all = letter.headers().toArray();
        Set<Integer> letterOwn = new HashSet<>();
        Set<String> named = new HashSet<>();
        for (int i = all.length - 1; i >= 0; i--) {
            if (LETTER_HEADERS.contains(all[i].key()) && named.add(all[i].key())) {
                letterOwn.add(i);
            }
        }
        RecordHeaders headers = new RecordHeaders();
        int kept = 0;
        int dropped = 0;
        long droppedBytes = 0;
        for (int i = 0; i < all.length; i++) {
            Header h = all[i];
            byte[] v = h.value() == null ? new byte[0] : h.value();
            if (letterOwn.contains(i)) {
                if (v.length > MAX_TEXT_BYTES) {
                    cuts.add(h.key() + " cut from " + v.length + " to " + MAX_TEXT_BYTES + " bytes");
                    v = Arrays.copyOf(v, MAX_TEXT_BYTES);
                }
                headers.add(h.key(), v);
                continue;
            }
            int size = h.key().length() + v.length;
            if (kept + size <= MAX_ORIGINAL_HEADER_BYTES) {
                kept += size;
                headers.add(h.key(), h.value());
            } else {
                dropped++;
                droppedBytes += size;
            }
        }
        if (dropped > 0) {
            cuts.add(dropped + " original headers (" + droppedBytes + " bytes) dropped; the first " + kept + " bytes of headers kept");
        }
        if (cuts.isEmpty()) {
            return letter;
        }
        headers.add(TRUNCATED_HEADER, String.join("; ", cuts).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(letter.topic(), letter.partition(), letter.timestamp(),
                keyTooLong ? Arrays.copyOf(key, MAX_LETTER_BYTES) : key,
                valueTooLong ? Arrays.copyOf(value, MAX_LETTER_BYTES) : value, headers);
    }

    static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String reason(Throwable exception) {
        StringBuilder reason = new StringBuilder(String.valueOf(exception.getMessage()));
        for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !reason.toString().contains(cause.getMessage())) {
                reason.append(": ").append(cause.getMessage());
            }
        }
        return reason.toString();
    }
}
