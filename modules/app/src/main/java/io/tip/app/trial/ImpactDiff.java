package io.tip.app.trial;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tip.model.ThesisImpact;

/**
 * What an edit changes: a backtest's impacts against the live pipeline's, one impact per (event,
 * thesis) on each side. New: only the backtest has it. Gone: only the live pipeline has it.
 * Changed: both have it, with different stances.
 */
public record ImpactDiff(List<ThesisImpact> added, List<ThesisImpact> gone, List<Change> changed) {

    public record Change(ThesisImpact live, ThesisImpact backtest) {
    }

    private static final Comparator<ThesisImpact> BY_TIME = Comparator.comparing(ThesisImpact::getEventTime)
            .thenComparing(ThesisImpact::getEventId).thenComparing(ThesisImpact::getThesisId);

    public static ImpactDiff of(Collection<ThesisImpact> backtest, Collection<ThesisImpact> live) {
        Map<String, ThesisImpact> liveByKey = byKey(live);
        Map<String, ThesisImpact> backtestByKey = byKey(backtest);
        List<ThesisImpact> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        backtestByKey.forEach((key, impact) -> {
            ThesisImpact before = liveByKey.get(key);
            if (before == null) {
                added.add(impact);
            } else if (before.getStance() != impact.getStance()) {
                changed.add(new Change(before, impact));
            }
        });
        List<ThesisImpact> gone = liveByKey.entrySet().stream().filter(e -> !backtestByKey.containsKey(e.getKey()))
                .map(Map.Entry::getValue).sorted(BY_TIME).toList();
        added.sort(BY_TIME);
        changed.sort(Comparator.comparing(Change::backtest, BY_TIME));
        return new ImpactDiff(added, gone, changed);
    }

    public boolean empty() {
        return added.isEmpty() && gone.isEmpty() && changed.isEmpty();
    }

    /** One impact per (event, thesis): a live topic under at-least-once may hold a repeat, which is the same impact. */
    private static Map<String, ThesisImpact> byKey(Collection<ThesisImpact> impacts) {
        Map<String, ThesisImpact> map = new LinkedHashMap<>();
        impacts.forEach(i -> map.put(i.getEventId() + '\u0000' + i.getThesisId(), i));
        return map;
    }
}
