package io.tip.engine;

/**
 * What the topology reports as it works, for metrics. Called on stream threads, so implementations
 * must be thread-safe and cheap.
 */
public interface PipelineListener {
    PipelineListener NONE = new PipelineListener() {
    };

    /** Settings key under which the listener is handed to the dead-letter handler Kafka Streams creates. */
    String CONFIG_KEY = "tip.pipeline.listener";

    /** A new event moved {@code impacts} theses, {@code latencyMs} after it was appended to market-events. */
    default void matched(int impacts, long latencyMs) {
    }

    /** A valid event no thesis cared about. */
    default void unmatched() {
    }

    /** A re-sent event already processed within the dedupe retention. */
    default void duplicate() {
    }

    /** A record sent to the dead-letter topic. */
    default void deadLetter() {
    }

    /** The record at this position is done with: processed, or sent to the dead-letter topic. */
    default void recordDone(String topic, int partition, long offset) {
    }

    /**
     * The record at this position failed for a reason that is not its own (the registry could not
     * answer): the task fails and the record will be read again.
     */
    default void recordFailed(String topic, int partition, long offset, String reason) {
    }

    /** A stream thread failed and was replaced (reported by the application that runs the topology). */
    default void threadReplaced() {
    }

    /** A record of a table topic (theses, implications, entities) that could not be read, skipped. */
    default void tableRecordSkipped(String topic, String reason) {
    }
}
