package io.tip.engine.knowledge;

import io.tip.model.Signal;
import io.tip.notes.rule.Rule;

/** A thesis's signal with its rule parsed once, when the thesis is loaded, not per event. */
public record CompiledSignal(String thesisId, Signal signal, Rule rule) {
}
