package io.tip.engine.internal.impact;

import java.util.List;

import io.tip.engine.internal.knowledge.CompiledThesis;
import io.tip.model.FiredSignal;
import io.tip.model.Stance;

/** An impact being worked out for one event: which thesis, how, and how it got there. */
record Draft(CompiledThesis thesis, Stance stance, double magnitude, List<String> path, List<FiredSignal> fired, String why) {

    String thesisId() {
        return thesis.id();
    }

    int order() {
        return path.size();
    }

    /** Precedence among impacts of one event on one thesis: shorter path, then larger magnitude, then path text. */
    boolean beats(Draft other) {
        if (order() != other.order()) {
            return order() < other.order();
        }
        if (magnitude != other.magnitude) {
            return magnitude > other.magnitude;
        }
        return String.join("/", path).compareTo(String.join("/", other.path)) < 0;
    }
}
