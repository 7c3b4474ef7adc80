package io.tip.engine;

import io.tip.model.Stance;
import io.tip.model.ThesisImpact;

/**
 * How an impact moves its thesis's score, as thesis-state sums it: SUPPORTS adds its magnitude,
 * CHALLENGES subtracts it, REVIEW leaves it. Summed in fixed point (micro-units), so the score of a
 * set of impacts cannot depend on the order they arrive in; timelines built outside the pipeline
 * use this same rule to show the scores thesis-state would hold.
 */
public final class ThesisScore {
    /** Fixed-point units per 1.0 of score. */
    public static final long MICROS = 1_000_000L;

    private ThesisScore() {
    }

    /** The impact's signed magnitude in micro-units. */
    public static long signedMicros(ThesisImpact impact) {
        return signedMicros(impact.getStance(), impact.getMagnitude());
    }

    /** An impact of this stance and magnitude, signed, in micro-units. */
    public static long signedMicros(Stance stance, double magnitude) {
        long micros = Math.round(magnitude * MICROS);
        return stance == Stance.SUPPORTS ? micros : stance == Stance.CHALLENGES ? -micros : 0;
    }

    /** A score in micro-units as thesis-state holds it. */
    public static double of(long micros) {
        return (double) micros / MICROS;
    }
}
