package io.tip.bench.harness;

/** One application's run over the same events: rates over the steady-state window, records over the whole run. */
public record PhaseResult(String name, long events, long measuredEvents, double seconds, double cpuSeconds, long measuredImpacts,
                          long recordsWritten, long bytesWritten) {

    /**
     * Events per second of the whole process's CPU time in the measured window (the application, the
     * in-process broker serving it, the output consumer, GC and JIT): the cost of an event on this
     * machine. When both cores are busy, the rate follows it, and it swings far less from run to run.
     */
    public double eventsPerCpuSecond() {
        return measuredEvents / cpuSeconds;
    }

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
