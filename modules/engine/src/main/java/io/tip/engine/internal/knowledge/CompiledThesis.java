package io.tip.engine.internal.knowledge;

import java.util.List;
import java.util.Set;

import io.tip.model.Thesis;

/**
 * A thesis ready for matching: its signals compiled, and the lower-cased names of the entities it
 * links (used only when it has no signals).
 *
 * @param thesis the thesis without the parts matching does not read (see ThesisIndex): its summary,
 *               evidence, counter-arguments, related notes, aliases, entities and raw signals are empty
 */
public record CompiledThesis(Thesis thesis, List<CompiledSignal> signals, Set<String> linkedNames) {

    public String id() {
        return thesis.getId();
    }

    public boolean hasSignals() {
        return !signals.isEmpty();
    }
}
