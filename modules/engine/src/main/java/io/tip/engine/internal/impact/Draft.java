package io.tip.engine.internal.impact;

import java.util.List;

import io.tip.engine.internal.knowledge.CompiledThesis;
import io.tip.model.FiredSignal;
import io.tip.model.Stance;

/**
 * An impact being worked out for one event: which thesis, how, and how it got there.
 *
 * @param mention true for the REVIEW a note without signals gets because it links one of the event's entities
 */
record Draft(CompiledThesis thesis, Stance stance, double magnitude, List<String> path, List<FiredSignal> fired, String why,
             boolean mention) {

    String thesisId() {
        return thesis.id();
    }

    int order() {
        return path.size();
    }

    /**
     * What kind of impact this is, best first: a direct signal (0), a propagated SUPPORTS or
     * CHALLENGES (1), a mention-only REVIEW (2), a propagated REVIEW (3). A mention says only "this
     * note names the company", so a propagated stance, which says which way, is worth more.
     */
    int rank() {
        if (order() == 1) {
            return mention ? 2 : 0;
        }
        return stance == Stance.REVIEW ? 3 : 1;
    }

    /** Precedence among impacts of one event on one thesis: rank, then shorter path, then larger magnitude, then path text. */
    boolean beats(Draft other) {
        if (rank() != other.rank()) {
            return rank() < other.rank();
        }
        if (order() != other.order()) {
            return order() < other.order();
        }
        if (magnitude != other.magnitude) {
            return magnitude > other.magnitude;
        }
        return String.join("/", path).compareTo(String.join("/", other.path)) < 0;
    }
}
