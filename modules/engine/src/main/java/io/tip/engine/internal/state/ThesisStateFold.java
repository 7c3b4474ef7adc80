package io.tip.engine.internal.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.tip.engine.ThesisScore;
import io.tip.model.ImpactSummary;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.ThesisStatus;

/**
 * Folds impacts into a thesis's state. Every part of the state is a function of the set of impacts
 * alone — counts, a score summed in fixed point (so float rounding cannot depend on order), and the
 * newest impacts by (event time, event id) — so the same impacts in any order give the same state.
 */
public final class ThesisStateFold {
    private static final Comparator<ImpactSummary> NEWEST_FIRST = Comparator
            .comparing(ImpactSummary::getEventTime).reversed()
            .thenComparing(ImpactSummary::getEventId);

    private final int lastImpacts;
    private final double threshold;

    public ThesisStateFold(int lastImpacts, double threshold) {
        this.lastImpacts = lastImpacts;
        this.threshold = threshold;
    }

    public ThesisState apply(ThesisState previous, ThesisImpact impact) {
        return apply(previous, FoldedImpact.of(impact));
    }

    public ThesisState apply(ThesisState previous, FoldedImpact impact) {
        ThesisState.Builder next = previous == null
                ? ThesisState.newBuilder().setThesisId(impact.thesisId())
                : ThesisState.newBuilder(previous);
        long scoreMicros = Math.round(next.getScore() * ThesisScore.MICROS) + ThesisScore.signedMicros(impact.stance(), impact.magnitude());
        switch (impact.stance()) {
            case SUPPORTS -> next.setSupports(next.getSupports() + 1);
            case CHALLENGES -> next.setChallenges(next.getChallenges() + 1);
            case REVIEW -> next.setReviews(next.getReviews() + 1);
        }
        List<ImpactSummary> recent = new ArrayList<>(previous == null ? List.of() : previous.getLastImpacts());
        ImpactSummary added = summary(impact);
        recent.add(added);
        recent.sort(NEWEST_FIRST);
        if (recent.size() > lastImpacts) {
            recent = new ArrayList<>(recent.subList(0, lastImpacts));
        }
        double score = ThesisScore.of(scoreMicros);
        return next.setScore(score)
                // the newest impact's title, so a renamed note shows its new name whatever the arrival order
                .setThesisTitle(recent.get(0) == added ? impact.thesisTitle() : next.getThesisTitle())
                .setLastImpacts(recent)
                .setLastEventTime(recent.get(0).getEventTime())
                .setStatus(status(score, next.getSupports(), next.getChallenges()))
                .build();
    }

    /** The state keeps a small summary per impact: it is rewritten on every impact, so its size is the cost. */
    private static ImpactSummary summary(FoldedImpact impact) {
        return ImpactSummary.newBuilder().setEventId(impact.eventId())
                .setEventTime(impact.eventTime()).setStance(impact.stance())
                .setMagnitude(impact.magnitude()).setOrder(impact.order()).build();
    }

    ThesisStatus status(double score, int supports, int challenges) {
        if (score >= threshold) {
            return ThesisStatus.STRENGTHENING;
        }
        if (score <= -threshold) {
            return ThesisStatus.CHALLENGED;
        }
        // Evidence on both sides that roughly cancels out.
        return supports > 0 && challenges > 0 ? ThesisStatus.CONTESTED : ThesisStatus.STEADY;
    }
}
