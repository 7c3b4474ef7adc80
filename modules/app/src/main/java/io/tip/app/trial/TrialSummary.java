package io.tip.app.trial;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tip.engine.OfflineEvaluator.Evaluation;
import io.tip.engine.OfflineEvaluator.Outcome;
import io.tip.model.MarketEvent;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;

/**
 * What a trial run did, for the analyst: per thesis, its impacts by stance and by order and the
 * state they fold into; the events that moved none of the chosen theses; and the counts of events
 * evaluated, rejected (what the dead-letter topic would get) and re-sent.
 */
public final class TrialSummary {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ThesisChoice choice;
    private final Map<String, PerThesis> theses = new TreeMap<>();
    /** The first {@link #UNMOVED_SHOWN} events that moved nothing; a long replay has far more, counted in {@link #unmovedCount}. */
    private final List<MarketEvent> unmoved = new ArrayList<>();
    private static final int UNMOVED_SHOWN = 100;
    private long unmovedCount;
    private long events;
    private long rejected;
    private long duplicates;

    private static final class PerThesis {
        final String title;
        final Map<Stance, Integer> byStance = new EnumMap<>(Stance.class);
        final Map<Integer, Integer> byOrder = new TreeMap<>();

        PerThesis(String title) {
            this.title = title;
        }
    }

    public TrialSummary(ThesisChoice choice) {
        this.choice = choice;
    }

    /** Counts one evaluated event; returns the impacts on the chosen theses, in the engine's order. */
    public List<ThesisImpact> add(Evaluation evaluation) {
        events++;
        if (evaluation.outcome() == Outcome.REJECTED) {
            rejected++;
            return List.of();
        }
        if (evaluation.outcome() == Outcome.DUPLICATE) {
            duplicates++;
            return List.of();
        }
        List<ThesisImpact> chosen = evaluation.impacts().stream().filter(i -> choice.test(i.getThesisId())).toList();
        if (chosen.isEmpty() && unmovedCount++ < UNMOVED_SHOWN) {
            unmoved.add(evaluation.event());
        }
        for (ThesisImpact impact : chosen) {
            PerThesis t = theses.computeIfAbsent(impact.getThesisId(), id -> new PerThesis(impact.getThesisTitle()));
            t.byStance.merge(impact.getStance(), 1, Integer::sum);
            t.byOrder.merge(impact.getOrder(), 1, Integer::sum);
        }
        return chosen;
    }

    public long rejected() {
        return rejected;
    }

    /** Readable lines, one block per moved thesis, then the events that moved nothing. */
    public List<String> lines(Map<String, ThesisState> states) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "summary: %,d events evaluated, %,d rejected, %,d re-sent (deduplicated), %,d moved no%s thesis",
                events, rejected, duplicates, unmovedCount, choice.one() ? " chosen" : ""));
        theses.forEach((id, t) -> {
            ThesisState state = states.get(id);
            out.add(String.format(Locale.ROOT, "  %s (%s): %s score %+.2f", t.title, id, state.getStatus(), state.getScore()));
            out.add(String.format(Locale.ROOT, "    %d supporting, %d challenging, %d to review; %s",
                    t.byStance.getOrDefault(Stance.SUPPORTS, 0), t.byStance.getOrDefault(Stance.CHALLENGES, 0),
                    t.byStance.getOrDefault(Stance.REVIEW, 0), orders(t.byOrder)));
        });
        if (choice.one() && !theses.containsKey(choice.thesis().getId())) {
            out.add("  " + choice.thesis().getTitle() + " (" + choice.thesis().getId() + "): no impact");
        }
        if (!unmoved.isEmpty()) {
            out.add("  moved nothing:");
            unmoved.forEach(e -> out.add("    " + e.getId() + "  " + e.getHeadline()));
            if (unmovedCount > unmoved.size()) {
                out.add(String.format(Locale.ROOT, "    ... and %,d more", unmovedCount - unmoved.size()));
            }
        }
        return out;
    }

    /** The same as one JSON object. */
    public ObjectNode json(Map<String, ThesisState> states) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("events", events).put("rejected", rejected).put("duplicates", duplicates).put("movedNothingCount", unmovedCount);
        ArrayNode list = root.putArray("theses");
        theses.forEach((id, t) -> {
            ThesisState state = states.get(id);
            ObjectNode node = list.addObject().put("thesisId", id).put("thesisTitle", t.title)
                    .put("status", state.getStatus().name()).put("score", state.getScore());
            ObjectNode stances = node.putObject("byStance");
            for (Stance s : Stance.values()) {
                stances.put(s.name(), t.byStance.getOrDefault(s, 0));
            }
            ObjectNode orders = node.putObject("byOrder");
            t.byOrder.forEach((order, n) -> orders.put(String.valueOf(order), n));
        });
        ArrayNode none = root.putArray("movedNothing");
        unmoved.forEach(e -> none.addObject().put("eventId", e.getId()).put("headline", e.getHeadline()));
        return root;
    }

    private static String orders(Map<Integer, Integer> byOrder) {
        List<String> parts = new ArrayList<>();
        byOrder.forEach((order, n) -> parts.add(n + (order == 1 ? " direct" : " at order " + order)));
        return String.join(", ", parts);
    }
}
