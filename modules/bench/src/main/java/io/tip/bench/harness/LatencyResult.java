package io.tip.bench.harness;

import org.HdrHistogram.Histogram;

/**
 * End-to-end latency at a fixed offered load, in milliseconds, from event append to impact readable
 * (read_committed); with what the JVM paused for garbage collection in the same window and when the
 * slowest impact arrived, so a bad tail can be told apart from a collector pause.
 */
public record LatencyResult(double offeredPerSec, double achievedPerSec, long impacts, double p50, double p99, double p999, double max,
                            long gcPauses, long gcPauseMs, double maxAtSecond) {

    static LatencyResult of(double offered, double achieved, Histogram h, long gcPauses, long gcPauseMs, double maxAtSecond) {
        return new LatencyResult(offered, achieved, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue(), gcPauses, gcPauseMs, maxAtSecond);
    }
}
