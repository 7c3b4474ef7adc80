package io.tip.bench.harness;

/** One application's run over the same events: rates over the steady-state window, records over the whole run. */
public record PhaseResult(String name, long events, long measuredEvents, double seconds, long measuredImpacts, long recordsWritten, long bytesWritten) {

    public double eventsPerSec() {
        return measuredEvents / seconds;
    }

    public double impactsPerSec() {
        return measuredImpacts / seconds;
    }

    public double bytesWrittenPerEvent() {
        return (double) bytesWritten / events;
    }

    public double recordsWrittenPerEvent() {
        return (double) recordsWritten / events;
    }
}
