package io.tip.engine.internal.process;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tip.engine.PipelineListener;
import io.tip.registry.client.RegistryUnavailableException;

/**
 * What happens when an output record cannot be written.
 * <ul>
 * <li>A dead letter that cannot be written is not dead-lettered again: Kafka Streams 4.4's default
 *     would, recursively, until StackOverflowError. The task fails (and readiness says so).</li>
 * <li>An output too large for the topic is the input record's fault: its dead letter (cut to fit) is
 *     written and processing continues, instead of failing on the same record forever.</li>
 * <li>A serializer that cannot reach the registry is an outage: fail, retry later, no dead letter.</li>
 * </ul>
 * Everything else as Kafka Streams' default, with letters cut to fit.
 */
public class DeadLetterSendHandler extends DefaultProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterSendHandler.class);

    private String deadLetterTopic;
    private PipelineListener listener = PipelineListener.NONE;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : String.valueOf(topic);
        if (configs.get(PipelineListener.CONFIG_KEY) instanceof PipelineListener given) {
            listener = given;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (record.topic().equals(deadLetterTopic)) {
            log.error("cannot write a dead letter to {} ({}); failing the task instead of dead-lettering the dead letter",
                    deadLetterTopic, exception.toString());
            return Response.fail();
        }
        Response response = super.handleError(context, record, exception);
        if (exception instanceof RecordTooLargeException) {
            String reason = "an output record for " + record.topic() + " is too large to write (" + exception.getMessage() + ")";
            listener.deadLetter();
            return Response.resume(fitted(response.deadLetterQueueRecords(), reason));
        }
        return response.result() == Result.RESUME ? Response.resume(fitted(response.deadLetterQueueRecords(), DeadLetters.reason(exception)))
                : Response.fail(fitted(response.deadLetterQueueRecords(), DeadLetters.reason(exception)));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (DeadLetters.causedBy(exception, RegistryUnavailableException.class)) {
            return Response.fail();
        }
        Response response = super.handleSerializationError(context, record, exception, origin);
        return Response.fail(fitted(response.deadLetterQueueRecords(), DeadLetters.reason(exception)));
    }

    private static List<ProducerRecord<byte[], byte[]>> fitted(List<ProducerRecord<byte[], byte[]>> letters, String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        return letters.stream().map(letter -> {
            letter.headers().add(DeadLetters.REASON_HEADER, bytes);
            return DeadLetters.fitted(letter);
        }).toList();
    }
}
