package io.tip.engine.internal.knowledge;

import java.util.Optional;
import java.util.Set;

import io.tip.model.Signal;
import io.tip.rules.Anchor;
import io.tip.rules.Rule;

/**
 * A thesis's signal with its rule parsed and its index keys chosen once, when the thesis is loaded,
 * not per event. Equal only to itself: the index puts, removes and de-duplicates these per event,
 * and hashing the whole signal record each time cost more than matching it.
 */
public record CompiledSignal(String thesisId, Signal signal, Rule rule, Optional<Set<Anchor>> anchors) {

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
