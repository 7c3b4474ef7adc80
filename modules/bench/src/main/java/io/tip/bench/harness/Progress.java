package io.tip.bench.harness;

import java.util.concurrent.atomic.LongAdder;

import io.tip.engine.PipelineListener;

/** Counts what the topology did, as it reports it; also used by the passthrough, which counts every event as unmatched. */
public final class Progress implements PipelineListener {
    private final LongAdder events = new LongAdder();
    private final LongAdder impacts = new LongAdder();
    private final LongAdder unmatched = new LongAdder();

    @Override
    public void matched(int impactCount, long latencyMs) {
        impacts.add(impactCount);
        events.increment();
    }

    @Override
    public void unmatched() {
        unmatched.increment();
        events.increment();
    }

    @Override
    public void duplicate() {
        events.increment();
    }

    @Override
    public void deadLetter() {
        events.increment();
    }

    public long events() { return events.sum(); }
    public long impacts() { return impacts.sum(); }
    public long unmatchedEvents() { return unmatched.sum(); }
}
