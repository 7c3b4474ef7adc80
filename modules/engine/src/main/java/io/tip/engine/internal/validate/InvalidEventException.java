package io.tip.engine.internal.validate;

/**
 * An event that deserialized but cannot be trusted. Thrown inside the topology so that Kafka
 * Streams' processing exception handler sends the original bytes to the dead-letter topic with
 * this message as the reason, and processing continues with the next record.
 */
public final class InvalidEventException extends RuntimeException {
    public InvalidEventException(String reason) {
        super(reason, null, false, false);
    }
}
