package io.tip.engine.knowledge;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.tip.notes.rule.Anchor;
import io.tip.notes.rule.Expr;
import io.tip.notes.rule.Rule;

/**
 * The keys a signal is indexed under. Like {@link Rule#anchors()}, but an {@code and} picks its most
 * selective anchored operand: a name or tag before an event type, since there are only a dozen
 * types and a rule such as {@code type=acquisition and target.tag=X} indexed by its type would be
 * tried on every acquisition — a cost that grows with the number of theses. Any operand's anchors
 * are sound for an {@code and}, so which events match is unchanged.
 */
final class IndexAnchors {
    /** Fewer type anchors first (names and tags are selective, types are not), then fewer anchors. */
    private static final Comparator<Set<Anchor>> MOST_SELECTIVE = Comparator
            .comparingLong((Set<Anchor> anchors) -> anchors.stream().filter(a -> a.kind() == Anchor.Kind.TYPE).count())
            .thenComparingInt(Set::size);

    private IndexAnchors() {
    }

    /** Empty when the rule must be tried on every event. */
    static Optional<Set<Anchor>> of(Rule rule) {
        return of(rule.expr());
    }

    private static Optional<Set<Anchor>> of(Expr expr) {
        if (expr instanceof Expr.And and) {
            return and.children().stream().map(IndexAnchors::of).flatMap(Optional::stream).min(MOST_SELECTIVE);
        }
        if (expr instanceof Expr.Or or) {
            Set<Anchor> union = new HashSet<>();
            for (Expr child : or.children()) {
                Optional<Set<Anchor>> anchors = of(child);
                if (anchors.isEmpty()) {
                    return Optional.empty();
                }
                union.addAll(anchors.get());
            }
            return Optional.of(Set.copyOf(union));
        }
        return expr.anchors(); // a single term, or a negation: the rule language's own answer
    }
}
