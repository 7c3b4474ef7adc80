package io.tip.engine.internal.impact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.tip.engine.EngineConfig;
import io.tip.engine.internal.knowledge.CompiledSignal;
import io.tip.engine.internal.knowledge.CompiledThesis;
import io.tip.engine.internal.knowledge.KnowledgeBase;
import io.tip.model.FiredSignal;
import io.tip.model.Implication;
import io.tip.model.MarketEvent;
import io.tip.model.Polarity;
import io.tip.model.Stance;
import io.tip.model.Thesis;
import io.tip.model.ThesisImpact;
import io.tip.rules.EventFacts;
import io.tip.rules.Party;

/**
 * Works out every thesis an event moves: direct impacts from signals (or, for notes without
 * signals, from linked entities), then impacts propagated through implications. At most one impact
 * per thesis, chosen by {@link Draft#beats}: a direct signal, then a propagated SUPPORTS or
 * CHALLENGES (shorter path first), then a mention-only REVIEW, then a propagated REVIEW.
 * Propagated impacts weaker than {@code propagation.min.magnitude} are dropped.
 */
public final class ImpactFinder {
    private final KnowledgeBase knowledge;
    private final int maxDepth;
    private final double decay;
    private final double minPropagated;
    private final double linkedEntityMagnitude;
    private final NoteLinks links;

    public ImpactFinder(KnowledgeBase knowledge, EngineConfig config) {
        this.knowledge = knowledge;
        this.maxDepth = config.maxDepth();
        this.decay = config.decay();
        this.minPropagated = config.minPropagatedMagnitude();
        this.linkedEntityMagnitude = config.linkedEntityMagnitude();
        this.links = new NoteLinks(config.vaultName());
    }

    /** Impacts ordered by thesis id; empty when the event moves nothing. */
    public List<ThesisImpact> find(MarketEvent event) {
        EventFacts facts = knowledge.entities().facts(event);
        Map<String, Draft> chosen = fromSignals(facts);
        List<Draft> frontier = movable(chosen.values());
        mentions(facts, chosen);
        propagate(frontier, chosen);
        List<ThesisImpact> impacts = new ArrayList<>(chosen.size());
        chosen.values().forEach(d -> impacts.add(toImpact(event, d)));
        return impacts;
    }

    private Map<String, Draft> fromSignals(EventFacts facts) {
        Map<String, List<CompiledSignal>> firedByThesis = new TreeMap<>();
        for (CompiledSignal signal : knowledge.theses().candidates(facts.keys())) {
            if (signal.rule().matches(facts)) {
                firedByThesis.computeIfAbsent(signal.thesisId(), k -> new ArrayList<>()).add(signal);
            }
        }
        Map<String, Draft> drafts = new TreeMap<>();
        firedByThesis.forEach((thesisId, fired) -> {
            CompiledThesis thesis = knowledge.theses().get(thesisId);
            if (thesis != null) { // removed while this event was being matched
                drafts.put(thesisId, fromSignals(thesis, fired));
            }
        });
        return drafts;
    }

    /** Notes without signals that link one of the event's entities get a REVIEW, unless a signal already moved them. */
    private void mentions(EventFacts facts, Map<String, Draft> chosen) {
        for (Party party : facts.parties()) {
            for (String thesisId : knowledge.theses().linkedTo(party.names())) {
                CompiledThesis thesis = knowledge.theses().get(thesisId);
                if (thesis != null && !chosen.containsKey(thesisId)) {
                    chosen.put(thesisId, fromLinkedEntity(thesis, party));
                }
            }
        }
    }

    private static Draft fromSignals(CompiledThesis thesis, List<CompiledSignal> fired) {
        fired.sort(Comparator.comparingInt(s -> s.signal().getLine()));
        Set<Stance> stances = EnumSet.noneOf(Stance.class);
        double magnitude = 0;
        List<FiredSignal> explained = new ArrayList<>(fired.size());
        for (CompiledSignal s : fired) {
            stances.add(s.signal().getStance());
            magnitude = Math.max(magnitude, s.signal().getWeight());
            explained.add(FiredSignal.newBuilder().setThesisId(thesis.id()).setStance(s.signal().getStance())
                    .setRule(s.signal().getRule()).setWhy(s.signal().getWhy()).setWeight(s.signal().getWeight())
                    .setLocation(NoteLinks.location(thesis.thesis().getSourcePath(), s.signal().getLine())).build());
        }
        // Signals of one thesis that disagree on one event leave the call to the analyst.
        Stance stance = stances.size() == 1 ? stances.iterator().next() : Stance.REVIEW;
        String why = stances.size() == 1
                ? explained.stream().map(FiredSignal::getWhy).filter(w -> !w.isBlank()).collect(Collectors.joining("; "))
                : "signals disagree: " + explained.stream().map(f -> f.getStance() + " (" + f.getWhy() + ")").collect(Collectors.joining("; "));
        return new Draft(thesis, stance, round(magnitude), List.of(thesis.id()), explained, why, false);
    }

    private Draft fromLinkedEntity(CompiledThesis thesis, Party party) {
        String names = party.names().stream().filter(thesis.linkedNames()::contains).sorted().collect(Collectors.joining(", "));
        return new Draft(thesis, Stance.REVIEW, linkedEntityMagnitude, List.of(thesis.id()), List.of(),
                "the note links " + names + ", which this event involves (it has no signals to say which way)", true);
    }

    /**
     * Breadth first from the direct impacts that take a side. A thesis keeps the best impact by
     * {@link Draft#beats}; a better one found later (a propagated stance over a REVIEW) replaces it
     * and travels on. A thesis already on a path is not entered again, which ends cycles.
     */
    private void propagate(List<Draft> frontier, Map<String, Draft> chosen) {
        for (int hop = 1; hop <= maxDepth && !frontier.isEmpty(); hop++) {
            Map<String, Draft> next = new TreeMap<>();
            for (Draft from : frontier) {
                for (Implication implication : knowledge.implications().from(from.thesisId())) {
                    Draft candidate = through(from, implication);
                    if (candidate == null) {
                        continue;
                    }
                    Draft held = chosen.get(candidate.thesisId());
                    if (held == null || candidate.beats(held)) {
                        next.merge(candidate.thesisId(), candidate, (a, b) -> a.beats(b) ? a : b);
                    }
                }
            }
            chosen.putAll(next);
            frontier = movable(next.values());
        }
    }

    private Draft through(Draft from, Implication implication) {
        String target = implication.getTo();
        if (from.path().contains(target)) {
            return null;
        }
        CompiledThesis thesis = knowledge.theses().get(target);
        if (thesis == null) { // a plain topic, or a thesis with no note: kept on the record, no impact
            return null;
        }
        double magnitude = round(from.magnitude() * implication.getWeight() * decay);
        if (magnitude < minPropagated) {
            return null; // magnitudes only shrink, so nothing past it would be kept either
        }
        List<String> path = new ArrayList<>(from.path());
        path.add(target);
        String why = from.thesis().thesis().getTitle() + " " + verb(from.stance()) + "; for " + implication.getToName() + ": "
                + String.join("; ", implication.getStatements());
        return new Draft(thesis, carry(from.stance(), implication.getPolarity()), magnitude, List.copyOf(path), from.fired(), why, false);
    }

    static Stance carry(Stance stance, Polarity polarity) {
        return switch (polarity) {
            case SAME -> stance;
            case INVERSE -> stance == Stance.SUPPORTS ? Stance.CHALLENGES : stance == Stance.CHALLENGES ? Stance.SUPPORTS : Stance.REVIEW;
            case REVIEW -> Stance.REVIEW;
        };
    }

    /** REVIEW impacts stop where they are: they say "look", not which way. */
    private static List<Draft> movable(Collection<Draft> drafts) {
        return drafts.stream().filter(d -> d.stance() != Stance.REVIEW).toList();
    }

    private static String verb(Stance stance) {
        return stance == Stance.SUPPORTS ? "is supported" : "is challenged";
    }

    private static double round(double magnitude) {
        return Math.round(magnitude * 10_000) / 10_000.0;
    }

    private ThesisImpact toImpact(MarketEvent event, Draft d) {
        Thesis thesis = d.thesis().thesis();
        FiredSignal first = d.fired().isEmpty() ? null : d.fired().get(0);
        return ThesisImpact.newBuilder()
                .setId(ImpactId.of(event.getId(), d.thesisId()))
                .setThesisId(d.thesisId())
                .setThesisTitle(thesis.getTitle())
                .setThesisVersion(thesis.getVersion())
                .setEventId(event.getId())
                .setEventHeadline(event.getHeadline())
                .setEventType(event.getType())
                .setEventTime(event.getOccurredAt())
                .setStance(d.stance())
                .setMagnitude(d.magnitude())
                .setOrder(d.order())
                .setPath(d.path())
                .setSignals(d.fired())
                .setWhy(d.why())
                .setEventActor(event.getActor())
                .setEventTarget(event.getTarget())
                .setEventAmountUsd(event.getAmountUsd())
                .setEventUrl(event.getUrl())
                .setRule(first == null ? "" : first.getRule())
                .setRuleLocation(first == null ? "" : first.getLocation())
                .setThesisNote(NoteLinks.location(thesis.getSourcePath(), thesis.getSourceLine()))
                .setThesisLink(links.open(thesis.getSourcePath()))
                .build();
    }
}
