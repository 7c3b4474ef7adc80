package io.tip.app.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.tip.model.ThesisImpact;

/**
 * The readable form of impacts, for people watching a terminal: one line per direct impact, with
 * the impacts it caused downstream collapsed under it ("+2 downstream: ...").
 */
public final class ImpactText {
    private ImpactText() {
    }

    /** One direct impact: thesis, stance, event, strength, why, and where the rule is written. */
    public static String line(ThesisImpact impact) {
        String where = impact.getRuleLocation().isEmpty() ? "" : "  [" + impact.getRuleLocation() + "]";
        String via = impact.getOrder() == 1 ? "" : " via " + impact.getPath().get(0);
        String why = impact.getWhy().isEmpty() ? "" : ": " + impact.getWhy();
        return String.format(Locale.ROOT, "%s — %s %s (%.2f)%s%s%s",
                impact.getThesisTitle(), verb(impact), impact.getEventHeadline(), impact.getMagnitude(), via, why,
                impact.getOrder() == 1 ? where : "");
    }

    /** The line under a direct impact that sums up what it caused further along its implications. */
    public static String downstream(List<ThesisImpact> downstream) {
        return "    +" + downstream.size() + " downstream: " + downstream.stream()
                .map(i -> String.format(Locale.ROOT, "%s %s (%.2f)", i.getThesisTitle(), stance(i), i.getMagnitude()))
                .collect(Collectors.joining(", "));
    }

    /**
     * Lines for a batch of impacts: per event, each direct impact followed by its downstream line;
     * a downstream impact whose source is not in the batch gets a line of its own.
     */
    public static List<String> lines(List<ThesisImpact> batch) {
        Map<String, List<ThesisImpact>> byEvent = new LinkedHashMap<>();
        batch.forEach(i -> byEvent.computeIfAbsent(i.getEventId(), k -> new ArrayList<>()).add(i));
        List<String> lines = new ArrayList<>();
        for (List<ThesisImpact> impacts : byEvent.values()) {
            Map<String, List<ThesisImpact>> bySource = new LinkedHashMap<>();
            impacts.stream().filter(i -> i.getOrder() > 1).forEach(i -> bySource.computeIfAbsent(i.getPath().get(0), k -> new ArrayList<>()).add(i));
            for (ThesisImpact direct : impacts) {
                if (direct.getOrder() == 1) {
                    lines.add(line(direct));
                    List<ThesisImpact> caused = bySource.remove(direct.getThesisId());
                    if (caused != null) {
                        lines.add(downstream(caused));
                    }
                }
            }
            bySource.values().forEach(orphans -> orphans.forEach(i -> lines.add(line(i))));
        }
        return lines;
    }

    /** "SUPPORTED by", "CHALLENGED by" or "to REVIEW after", to put before the event's headline. */
    public static String verb(ThesisImpact impact) {
        return switch (impact.getStance()) {
            case SUPPORTS -> "SUPPORTED by";
            case CHALLENGES -> "CHALLENGED by";
            case REVIEW -> "to REVIEW after";
        };
    }

    private static String stance(ThesisImpact impact) {
        return switch (impact.getStance()) {
            case SUPPORTS -> "SUPPORTED";
            case CHALLENGES -> "CHALLENGED";
            case REVIEW -> "REVIEW";
        };
    }
}
