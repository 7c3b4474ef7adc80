package io.tip.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import io.tip.engine.PipelineListener;

/**
 * Kafka Streams' own dead-letter handling (KIP-1033/1034): the record that failed goes, as the
 * bytes received, to the dead-letter topic with the exception in the standard
 * {@code __streams.errors.*} headers, and processing continues. This adds one short header,
 * {@code tip.reason}, that says what was wrong in a producer's words.
 */
public class DeadLetterHandler extends LogAndContinueProcessingExceptionHandler {
    public static final String REASON_HEADER = "tip.reason";

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
        Response response = super.handleError(context, record, exception);
        List<ProducerRecord<byte[], byte[]>> letters = response.deadLetterQueueRecords();
        byte[] reason = reason(exception).getBytes(StandardCharsets.UTF_8);
        letters.forEach(letter -> letter.headers().add(REASON_HEADER, reason));
        listener.deadLetter();
        return response;
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
