package io.tip.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tip.engine.internal.dedupe.EventDedupe;
import io.tip.engine.internal.impact.ImpactFinder;
import io.tip.engine.internal.knowledge.KnowledgeBase;
import io.tip.engine.internal.state.ThesisStateFold;
import io.tip.engine.internal.validate.EventValidator;
import io.tip.engine.internal.validate.InvalidEventException;
import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.MarketEvent;
import io.tip.model.Thesis;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.ThesisStatus;

/**
 * The pipeline without Kafka, for trying theses: the same validation, matching, propagation,
 * precedence, dedupe decision and state fold the topology runs, over records and events handed
 * in, one event at a time in the order given. Single-threaded; one instance per run.
 */
public final class OfflineEvaluator {

    /** What one event did: its route (or why it was rejected) and every impact with the state it left. */
    public record Evaluation(MarketEvent event, Outcome outcome, String rejection, List<Step> steps) {
        public List<ThesisImpact> impacts() {
            return steps.stream().map(Step::impact).toList();
        }
    }

    /** Where an event went: the dead-letter topic, or one of {@link EventDedupe.Route}'s routes. */
    public enum Outcome { REJECTED, UNMATCHED, DUPLICATE, MATCHED }

    /** One impact and the state of its thesis after folding it in (a status change is an alert). */
    public record Step(ThesisImpact impact, ThesisStatus statusBefore, ThesisState stateAfter) {
        public boolean alerts() {
            return statusBefore != stateAfter.getStatus();
        }
    }

    private final EventValidator validator;
    private final ImpactFinder finder;
    private final EventDedupe dedupe;
    private final ThesisStateFold fold;
    private final Map<String, ThesisState> states = new HashMap<>();

    public OfflineEvaluator(EngineConfig config, Collection<Thesis> theses, Collection<Implication> implications,
                            Collection<Entity> entities) {
        KnowledgeBase knowledge = new KnowledgeBase();
        entities.forEach(knowledge.entities()::put);
        theses.forEach(knowledge.theses()::put);
        implications.forEach(knowledge.implications()::put);
        this.validator = new EventValidator(config);
        this.finder = new ImpactFinder(knowledge, config);
        this.dedupe = new EventDedupe(config.dedupeRetention().toMillis(), EventDedupe.inMemory());
        this.fold = new ThesisStateFold(config.lastImpacts(), config.statusThreshold());
    }

    /**
     * Evaluates one event as the topology would: {@code key} is the record key (the event id for an
     * event from a file), {@code recordTimeMs} the record's timestamp, which dedupe windows on.
     */
    public Evaluation evaluate(String key, MarketEvent event, long recordTimeMs) {
        try {
            validator.validate(key, event, System.currentTimeMillis());
        } catch (InvalidEventException e) {
            return new Evaluation(event, Outcome.REJECTED, e.getMessage(), List.of());
        }
        List<ThesisImpact> impacts = finder.find(event);
        EventDedupe.Route route = dedupe.route(event.getId(), !impacts.isEmpty(), recordTimeMs);
        if (route != EventDedupe.Route.MATCHED) {
            return new Evaluation(event, route == EventDedupe.Route.UNMATCHED ? Outcome.UNMATCHED : Outcome.DUPLICATE, null, List.of());
        }
        List<Step> steps = new ArrayList<>(impacts.size());
        for (ThesisImpact impact : impacts) {
            ThesisState previous = states.get(impact.getThesisId());
            ThesisState next = fold.apply(previous, impact);
            states.put(impact.getThesisId(), next);
            steps.add(new Step(impact, previous == null ? ThesisStatus.STEADY : previous.getStatus(), next));
        }
        dedupe.sent(event.getId(), recordTimeMs);
        return new Evaluation(event, Outcome.MATCHED, null, steps);
    }

    /**
     * One thesis's impacts folded from nothing in event-time order (then event id), each with the
     * state it leaves: the thesis's score and status over event time, by the pipeline's own fold.
     * The final state equals the one in {@link #states()}, since the fold does not depend on order.
     */
    public List<Step> overEventTime(List<ThesisImpact> impactsOfOneThesis) {
        List<ThesisImpact> ordered = new ArrayList<>(impactsOfOneThesis);
        ordered.sort(Comparator.comparing(ThesisImpact::getEventTime).thenComparing(ThesisImpact::getEventId));
        List<Step> steps = new ArrayList<>(ordered.size());
        ThesisState state = null;
        for (ThesisImpact impact : ordered) {
            ThesisState next = fold.apply(state, impact);
            steps.add(new Step(impact, state == null ? ThesisStatus.STEADY : state.getStatus(), next));
            state = next;
        }
        return steps;
    }

    /** The state of every thesis moved so far, by thesis id: what thesis-state would hold. */
    public Map<String, ThesisState> states() {
        return Collections.unmodifiableMap(states);
    }
}
