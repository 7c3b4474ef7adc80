package io.tip.engine.internal.process;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import io.tip.engine.PipelineListener;
import io.tip.model.topics.Topics;
import io.tip.registry.client.RegistryUnreachableException;

/**
 * Kafka Streams' own dead-letter handling (KIP-1033/1034): the record that failed goes, as the
 * bytes received, to the dead-letter topic with the exception in the standard
 * {@code __streams.errors.*} headers, and processing continues. This adds one short header,
 * {@code tip.reason}, that says what was wrong in a producer's words.
 * <p>
 * A registry that cannot be reached says nothing about the record, so that is not a dead letter:
 * the task fails, its thread is replaced, and the record is read again once the registry answers.
 */
public class DeadLetterHandler extends LogAndContinueProcessingExceptionHandler {
    public static final String REASON_HEADER = Topics.DEAD_LETTER_REASON_HEADER;
    /** Set when the dead letter keeps only the first {@link #MAX_LETTER_BYTES} of the value (or key): the original size. */
    public static final String TRUNCATED_HEADER = "tip.truncated";
    /**
     * Most bytes of a key or value a dead letter keeps. A letter must fit the producer's and the
     * broker's default 1 MB limit with its headers: a larger one fails to send, and Kafka Streams
     * then dead-letters the dead letter, recursing until the stream thread dies (StackOverflowError)
     * and is replaced, to fail again on the same record — a poison pill that stops the partition.
     */
    public static final int MAX_LETTER_BYTES = 256 * 1024;

    private PipelineListener listener = PipelineListener.NONE;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        if (configs.get(PipelineListener.CONFIG_KEY) instanceof PipelineListener given) {
            listener = given;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (causedBy(exception, RegistryUnreachableException.class)) {
            return Response.fail();
        }
        Response response = super.handleError(context, record, exception);
        byte[] reason = reason(exception).getBytes(StandardCharsets.UTF_8);
        List<ProducerRecord<byte[], byte[]>> letters = response.deadLetterQueueRecords().stream()
                .map(DeadLetterHandler::fitted).toList();
        letters.forEach(letter -> letter.headers().add(REASON_HEADER, reason));
        listener.deadLetter();
        return response.result() == Result.RESUME ? Response.resume(letters) : Response.fail(letters);
    }

    /** The letter as it is, or with its key and value cut to {@link #MAX_LETTER_BYTES}, saying so. */
    static ProducerRecord<byte[], byte[]> fitted(ProducerRecord<byte[], byte[]> letter) {
        byte[] key = letter.key();
        byte[] value = letter.value();
        boolean keyTooLong = key != null && key.length > MAX_LETTER_BYTES;
        boolean valueTooLong = value != null && value.length > MAX_LETTER_BYTES;
        if (!keyTooLong && !valueTooLong) {
            return letter;
        }
        String original = (keyTooLong ? "key " + key.length + " bytes" : "")
                + (keyTooLong && valueTooLong ? ", " : "")
                + (valueTooLong ? "value " + value.length + " bytes" : "") + "; first " + MAX_LETTER_BYTES + " kept";
        letter.headers().add(TRUNCATED_HEADER, original.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(letter.topic(), letter.partition(), letter.timestamp(),
                keyTooLong ? Arrays.copyOf(key, MAX_LETTER_BYTES) : key,
                valueTooLong ? Arrays.copyOf(value, MAX_LETTER_BYTES) : value, letter.headers());
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
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
