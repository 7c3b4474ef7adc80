package io.tip.app.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.tip.app.format.ImpactText;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;

/**
 * The day's impacts as an Obsidian note: status changes on top, then one section per thesis
 * ({@code [[Title]]}, so backlinks work) with its direct impacts first — why, rule and source link —
 * and the impacts that reached it through implications collapsed below. The same impacts always
 * give the same text, so a re-run rewrites the note unchanged. Its front matter {@code type: digest}
 * tells {@code tip lint} and {@code tip load} it is not a thesis.
 */
public final class DailyDigest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DailyDigest() {
    }

    /**
     * @param day     names the note
     * @param from    start of the window (inclusive), by the time tip published each record
     * @param to      its end (exclusive)
     * @param impacts the impacts published in the window, in any order; repeats of one id count once
     * @param alerts  the status changes published in the window
     */
    public static String markdown(LocalDate day, Instant from, Instant to, List<ThesisImpact> impacts, List<ThesisAlert> alerts) {
        StringBuilder out = new StringBuilder();
        out.append("---\ntype: digest\nday: ").append(day).append("\n---\n");
        out.append("# Impacts ").append(day).append("\n\n");
        out.append("*Written by `tip digest` from the impacts published ").append(TIME.format(from)).append(" to ")
                .append(TIME.format(to)).append("; running it again rewrites this note. It never edits your notes.*\n");

        Map<String, ThesisImpact> distinct = new TreeMap<>();
        impacts.forEach(i -> distinct.put(i.getId(), i));
        Map<String, ThesisAlert> changes = new TreeMap<>();
        alerts.forEach(a -> changes.put(a.getId(), a));
        if (distinct.isEmpty() && changes.isEmpty()) {
            out.append("\nNo impacts.\n");
            return out.toString();
        }
        if (!changes.isEmpty()) {
            out.append("\n## Status changes\n\n");
            changes.values().stream().sorted(Comparator.comparing(ThesisAlert::getThesisTitle).thenComparing(a -> a.getCause().getEventTime())
                            .thenComparing(ThesisAlert::getId))
                    .forEach(a -> out.append(String.format(Locale.ROOT, "- %s: %s → %s (score %+.2f), after %s\n", link(a.getThesisTitle()),
                            a.getPreviousStatus(), a.getStatus(), a.getScore(), source(a.getCause()))));
        }
        Map<String, List<ThesisImpact>> byThesis = new TreeMap<>();
        distinct.values().forEach(i -> byThesis.computeIfAbsent(i.getThesisTitle(), k -> new ArrayList<>()).add(i));
        Map<String, String> titles = new LinkedHashMap<>();
        distinct.values().forEach(i -> titles.put(i.getThesisId(), i.getThesisTitle()));
        Comparator<ThesisImpact> chronological = Comparator.comparing(ThesisImpact::getEventTime).thenComparing(ThesisImpact::getEventId);
        byThesis.forEach((title, list) -> {
            out.append("\n## ").append(link(title)).append("\n\n");
            list.stream().filter(i -> i.getOrder() == 1).sorted(chronological).forEach(i -> out.append(direct(i)));
            List<ThesisImpact> downstream = list.stream().filter(i -> i.getOrder() > 1).sorted(chronological).toList();
            if (!downstream.isEmpty()) {
                out.append("- ").append(downstream.size()).append(" downstream (through implications)\n");
                downstream.forEach(i -> out.append(String.format(Locale.ROOT, "    - %s %s (%.2f) via %s\n", ImpactText.verb(i), source(i),
                        i.getMagnitude(), link(titles.getOrDefault(i.getPath().get(0), i.getPath().get(0))))));
            }
        });
        return out.toString();
    }

    private static String direct(ThesisImpact i) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "- **%s** %s (%.2f)", ImpactText.verb(i), source(i), i.getMagnitude()));
        if (!i.getWhy().isBlank()) {
            line.append(": ").append(escape(i.getWhy()));
        }
        if (!i.getRule().isEmpty()) {
            line.append(" — rule `").append(i.getRule().replace("`", "'")).append("`");
            if (!i.getRuleLocation().isEmpty()) {
                line.append(" (").append(i.getRuleLocation()).append(")");
            }
        }
        return line.append("\n").toString();
    }

    /** The event's headline, a link to its source when the producer gave one. */
    private static String source(ThesisImpact i) {
        String headline = escape(i.getEventHeadline());
        return i.getEventUrl() == null || i.getEventUrl().isBlank() ? headline
                : "[" + headline.replace("]", "\\]") + "](" + i.getEventUrl().replace(")", "%29").replace(" ", "%20") + ")";
    }

    private static String link(String title) {
        return "[[" + title.replace("[", "").replace("]", "").replace("|", "-") + "]]";
    }

    /** Text that Markdown would otherwise read as a link or a wiki link. */
    private static String escape(String text) {
        return text.replace("[[", "\\[\\[").replace("\n", " ");
    }
}
