package io.tip.engine.internal.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tip.model.Signal;
import io.tip.model.Thesis;
import io.tip.rules.Anchor;
import io.tip.rules.Rule;
import io.tip.rules.RuleSyntaxException;

/**
 * Every thesis, with its signals indexed by the event keys (type, entity, tag) that can make them
 * fire, so matching an event costs in proportion to the signals it could fire, not to the number
 * of theses. Rules with no anchor (only amount, headline or not) are checked against every event.
 * Written by the global-table thread, read by the stream threads.
 */
public final class ThesisIndex {
    private static final Logger log = LoggerFactory.getLogger(ThesisIndex.class);

    private final Map<String, CompiledThesis> theses = new ConcurrentHashMap<>();
    private final Map<Anchor, Set<CompiledSignal>> postings = new ConcurrentHashMap<>();
    private final Set<CompiledSignal> unanchored = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> linkedByName = new ConcurrentHashMap<>();

    public void put(Thesis thesis) {
        remove(thesis.getId());
        CompiledThesis compiled = compile(thesis);
        for (CompiledSignal signal : compiled.signals()) {
            Optional<Set<Anchor>> anchors = signal.anchors();
            if (anchors.isPresent()) {
                anchors.get().forEach(a -> postings.computeIfAbsent(a, k -> ConcurrentHashMap.newKeySet()).add(signal));
            } else {
                unanchored.add(signal);
            }
        }
        // A note without signals is moved by the entities it links; one with signals by its signals alone.
        if (!compiled.hasSignals()) {
            compiled.linkedNames().forEach(n -> linkedByName.computeIfAbsent(n, k -> ConcurrentHashMap.newKeySet()).add(thesis.getId()));
        }
        theses.put(thesis.getId(), compiled);
    }

    public void remove(String thesisId) {
        CompiledThesis old = theses.remove(thesisId);
        if (old == null) {
            return;
        }
        for (CompiledSignal signal : old.signals()) {
            unanchored.remove(signal);
            signal.anchors().ifPresent(anchors -> anchors.forEach(a -> {
                Set<CompiledSignal> set = postings.get(a);
                if (set != null) {
                    set.remove(signal);
                }
            }));
        }
        old.linkedNames().forEach(n -> {
            Set<String> set = linkedByName.get(n);
            if (set != null) {
                set.remove(thesisId);
            }
        });
    }

    public CompiledThesis get(String thesisId) {
        return theses.get(thesisId);
    }

    public boolean contains(String thesisId) {
        return theses.containsKey(thesisId);
    }

    public int size() {
        return theses.size();
    }

    /**
     * The signals that could fire for an event with these keys; each at most once, in no particular
     * order. When the event's keys hit one posting list and no rule is unanchored, that list is
     * returned as it is (a concurrent set: safe to read while the table thread changes it), not copied.
     */
    public Collection<CompiledSignal> candidates(Collection<Anchor> eventKeys) {
        Set<CompiledSignal> single = null;
        Set<CompiledSignal> merged = null;
        for (Anchor key : eventKeys) {
            Set<CompiledSignal> posting = postings.get(key);
            if (posting == null || posting.isEmpty()) {
                continue;
            }
            if (merged != null) {
                merged.addAll(posting);
            } else if (single == null) {
                single = posting;
            } else {
                merged = new HashSet<>(single); // CompiledSignal is equal only to itself: this dedupes by identity
                merged.addAll(posting);
            }
        }
        if (!unanchored.isEmpty()) {
            if (merged == null) {
                merged = single == null ? new HashSet<>() : new HashSet<>(single);
            }
            merged.addAll(unanchored);
        }
        return merged != null ? merged : single != null ? single : List.of();
    }

    /** Theses without signals that link one of these (lower-cased) entity names. */
    public Set<String> linkedTo(Collection<String> names) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : names) {
            Set<String> set = linkedByName.get(name);
            if (set != null) {
                ids.addAll(set);
            }
        }
        return ids;
    }

    private static CompiledThesis compile(Thesis thesis) {
        List<CompiledSignal> signals = new ArrayList<>();
        for (Signal signal : thesis.getSignals()) {
            try {
                Rule rule = Rule.parse(signal.getRule());
                signals.add(new CompiledSignal(thesis.getId(), signal, rule, rule.anchors()));
            } catch (RuleSyntaxException e) {
                // `tip lint` rejects such notes; a record written by another tool must not stop the pipeline.
                log.warn("{}:{}: signal of thesis '{}' skipped: {}", thesis.getSourcePath(), signal.getLine(), thesis.getId(), e.getMessage());
            }
        }
        Set<String> linked = new LinkedHashSet<>();
        thesis.getEntities().forEach(e -> linked.add(e.toLowerCase(Locale.ROOT)));
        return new CompiledThesis(slim(thesis), List.copyOf(signals), Set.copyOf(linked));
    }

    /**
     * The thesis as matching and impacts use it: its id, title, version, tags and where its note is.
     * The rest (summary, evidence, counter-arguments, ...) is left out of the index, which every
     * instance holds in memory for the whole vault; the global store keeps the whole record.
     */
    private static Thesis slim(Thesis thesis) {
        return Thesis.newBuilder(thesis).setSummary("").setAliases(List.of()).setEntities(List.of()).setSignals(List.of())
                .setEvidence(List.of()).setCounterArguments(List.of()).setRelated(List.of()).build();
    }
}
