package io.tip.bench.harness;

import org.HdrHistogram.Histogram;

/** End-to-end latency at a fixed offered load, in milliseconds, from event append to impact readable (read_committed). */
public record LatencyResult(double offeredPerSec, double achievedPerSec, long impacts, double p50, double p99, double p999, double max) {

    static LatencyResult of(double offered, double achieved, Histogram h) {
        return new LatencyResult(offered, achieved, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }
}
