package io.tip.bench.workload;

/**
 * What share of events move at least one thesis, what share move five or more (a subset of the
 * first), and what share are re-sent copies of an earlier event.
 */
public record EventMix(double matchRate, double fanOutRate, double resendRate) {
    public static final EventMix DEFAULT = new EventMix(0.20, 0.02, 0.01);

    public EventMix {
        if (fanOutRate < 0 || matchRate < fanOutRate || matchRate > 1 || resendRate < 0 || resendRate >= 1) {
            throw new IllegalArgumentException("need 0 <= fanOutRate <= matchRate <= 1 and 0 <= resendRate < 1, got " + this);
        }
    }
}
