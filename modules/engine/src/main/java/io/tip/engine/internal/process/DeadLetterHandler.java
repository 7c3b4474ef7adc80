package io.tip.engine.internal.process;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import io.tip.engine.PipelineListener;
import io.tip.model.topics.Topics;
import io.tip.registry.client.RegistryUnavailableException;

/**
 * Kafka Streams' own dead-letter handling (KIP-1033/1034): the record that failed goes, as the
 * bytes received, to the dead-letter topic with the exception in the standard
 * {@code __streams.errors.*} headers, and processing continues. This adds one short header,
 * {@code tip.reason}, that says what was wrong in a producer's words, and cuts the letter to fit
 * ({@link DeadLetters#fitted}).
 * <p>
 * A registry that cannot answer (unreachable, 5xx, 401/403, 429, timeout) says nothing about the
 * record, so that is not a dead letter: the task fails, its thread is replaced, and the record is
 * read again once the registry answers.
 */
public class DeadLetterHandler extends LogAndContinueProcessingExceptionHandler {
    public static final String REASON_HEADER = Topics.DEAD_LETTER_REASON_HEADER;
    /** Set when the dead letter was cut to fit: what was cut. */
    public static final String TRUNCATED_HEADER = DeadLetters.TRUNCATED_HEADER;
    public static final int MAX_LETTER_BYTES = DeadLetters.MAX_LETTER_BYTES;

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
        if (DeadLetters.causedBy(exception, RegistryUnavailableException.class)) {
            if (context != null) {
                listener.recordFailed(context.topic(), context.partition(), context.offset(), DeadLetters.reason(exception));
            }
            return Response.fail();
        }
        Response response = super.handleError(context, record, exception);
        byte[] reason = DeadLetters.reason(exception).getBytes(StandardCharsets.UTF_8);
        var letters = response.deadLetterQueueRecords().stream().map(letter -> {
            letter.headers().add(REASON_HEADER, reason);
            return DeadLetters.fitted(letter);
        }).toList();
        listener.deadLetter();
        if (context != null) {
            listener.recordDone(context.topic(), context.partition(), context.offset());
        }
        return response.result() == Result.RESUME ? Response.resume(letters) : Response.fail(letters);
    }
}
