package io.tip.app.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.tip.engine.PipelineListener;

/**
 * Whether the stream threads make progress. A thread that fails is replaced after a backoff that grows
 * while threads keep failing (a registry outage is retried, not hammered). The instance is not ready,
 * with the reason, while threads keep failing: twice on the same record (until that record is done
 * with), or twice in a row without any record done in between. Passes every event on to the listener
 * it wraps.
 */
final class StreamThreadHealth implements PipelineListener {
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** Failures after which the instance reports itself not ready. */
    static final int STUCK_AFTER = 2;

    private record Position(String topic, int partition, long offset) {
        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    private final PipelineListener delegate;
    private final CountDownLatch closing = new CountDownLatch(1);
    private Position lastFailedRecord;
    private String lastFailedReason;
    private final Map<Position, Integer> failuresByRecord = new HashMap<>();
    private final Map<Position, String> reasons = new HashMap<>();
    private int failuresSinceProgress;
    private String lastFailure;
    /** Whether any failure is being tracked: keeps {@link #recordDone}, called for every record, lock-free otherwise. */
    private volatile boolean tracking;
    private final AtomicLong replacements = new AtomicLong();

    StreamThreadHealth(PipelineListener delegate) {
        this.delegate = delegate;
    }

    /** Why the instance is not making progress, if it is not. */
    synchronized Optional<String> problem() {
        for (Map.Entry<Position, Integer> e : failuresByRecord.entrySet()) {
            if (e.getValue() >= STUCK_AFTER) {
                return Optional.of("a stream thread failed " + e.getValue() + " times on record " + e.getKey() + ": " + reasons.get(e.getKey()));
            }
        }
        if (failuresSinceProgress >= STUCK_AFTER) {
            return Optional.of("a stream thread failed " + failuresSinceProgress + " times in a row without processing a record: " + lastFailure);
        }
        return Optional.empty();
    }

    /**
     * A stream thread died with {@code failure}; waits the backoff (cut short by {@link #close}) before
     * the thread is replaced.
     */
    void threadFailed(Throwable failure) {
        Duration backoff;
        synchronized (this) {
            tracking = true;
            failuresSinceProgress++;
            int failures = failuresSinceProgress;
            if (lastFailedRecord != null) {
                failures = Math.max(failures, failuresByRecord.merge(lastFailedRecord, 1, Integer::sum));
                reasons.put(lastFailedRecord, lastFailedReason);
                lastFailure = "record " + lastFailedRecord + ": " + lastFailedReason;
            } else {
                lastFailure = summary(failure);
            }
            lastFailedRecord = null;
            backoff = Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 10)));
        }
        replacements.incrementAndGet();
        delegate.threadReplaced();
        try {
            closing.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stream threads that failed and were replaced since start. */
    long threadReplacements() {
        return replacements.get();
    }

    void close() {
        closing.countDown();
    }

    @Override
    public synchronized void recordFailed(String topic, int partition, long offset, String reason) {
        lastFailedRecord = new Position(topic, partition, offset);
        lastFailedReason = reason.length() > 500 ? reason.substring(0, 500) + "..." : reason;
        delegate.recordFailed(topic, partition, offset, reason);
    }

    @Override
    public void recordDone(String topic, int partition, long offset) {
        if (tracking) {
            synchronized (this) {
                failuresSinceProgress = 0;
                failuresByRecord.keySet().removeIf(p -> p.topic().equals(topic) && p.partition() == partition && p.offset() <= offset);
                reasons.keySet().retainAll(failuresByRecord.keySet());
                tracking = !failuresByRecord.isEmpty();
            }
        }
        delegate.recordDone(topic, partition, offset);
    }

    private static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + ": " + root.getMessage();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    @Override
    public void matched(int impacts, long latencyMs) {
        delegate.matched(impacts, latencyMs);
    }

    @Override
    public void unmatched() {
        delegate.unmatched();
    }

    @Override
    public void duplicate() {
        delegate.duplicate();
    }

    @Override
    public void deadLetter() {
        delegate.deadLetter();
    }

    @Override
    public void threadReplaced() {
        delegate.threadReplaced();
    }

    @Override
    public void tableRecordSkipped(String topic, String reason) {
        delegate.tableRecordSkipped(topic, reason);
    }
}
