package io.tip.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The syntax tree of a rule. Each node evaluates itself, derives its index anchors and prints its
 * canonical text ({@link #toString()}), which parses back to an equal node.
 */
public sealed interface Expr permits Expr.And, Expr.Or, Expr.Not, Expr.Match, Expr.Amount, Expr.Headline {

    boolean matches(EventFacts facts);

    /**
     * Keys at least one of which every matching event carries; empty when the node cannot promise
     * that (negations, amounts, headlines), so the engine must try it on every event.
     */
    Optional<Set<Anchor>> anchors();

    /** Both operands must hold. Nested {@code And}s are flattened so equal rules have equal trees. */
    record And(List<Expr> children) implements Expr {
        private static final Comparator<Set<Anchor>> MOST_SELECTIVE = Comparator
                .comparingLong((Set<Anchor> anchors) -> anchors.stream().filter(a -> a.kind() == Anchor.Kind.TYPE).count())
                .thenComparingInt(Set::size);

        public And {
            children = flatten(children, And.class, And::children);
        }

        @Override
        public boolean matches(EventFacts facts) {
            return children.stream().allMatch(c -> c.matches(facts));
        }

        @Override
        public Optional<Set<Anchor>> anchors() {
            // Any anchored child narrows the rule down. Prefer names and tags to event types: there are
            // only a dozen types, so a rule indexed by its type is tried on every event of that type,
            // a cost that grows with the number of theses. Then the smallest set.
            return children.stream().map(Expr::anchors).flatMap(Optional::stream).min(MOST_SELECTIVE);
        }

        @Override
        public String toString() {
            return children.stream().map(c -> c instanceof Or ? "(" + c + ")" : c.toString())
                    .collect(Collectors.joining(" and "));
        }
    }

    /** Either operand holds. Nested {@code Or}s are flattened. */
    record Or(List<Expr> children) implements Expr {
        public Or {
            children = flatten(children, Or.class, Or::children);
        }

        @Override
        public boolean matches(EventFacts facts) {
            return children.stream().anyMatch(c -> c.matches(facts));
        }

        @Override
        public Optional<Set<Anchor>> anchors() {
            Set<Anchor> union = new HashSet<>();
            for (Expr child : children) {
                Optional<Set<Anchor>> anchors = child.anchors();
                if (anchors.isEmpty()) {
                    return Optional.empty();
                }
                union.addAll(anchors.get());
            }
            return Optional.of(Set.copyOf(union));
        }

        @Override
        public String toString() {
            return children.stream().map(Expr::toString).collect(Collectors.joining(" or "));
        }
    }

    record Not(Expr child) implements Expr {
        public Not {
            Objects.requireNonNull(child, "child");
        }

        @Override
        public boolean matches(EventFacts facts) {
            return !child.matches(facts);
        }

        @Override
        public Optional<Set<Anchor>> anchors() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return child instanceof And || child instanceof Or ? "not (" + child + ")" : "not " + child;
        }
    }

    /**
     * {@code field=v1,v2} holds when any value matches; {@code field!=v1,v2} when none does (so
     * {@code target!=X} holds for an event without a target). Type values are kept normalized.
     */
    record Match(Field field, Op op, List<String> values) implements Expr {
        public Match {
            Objects.requireNonNull(field, "field");
            if (field == Field.AMOUNT || field == Field.HEADLINE) {
                throw new IllegalArgumentException(field.text() + " is not a name or tag field");
            }
            if (op != Op.EQ && op != Op.NE) {
                throw new IllegalArgumentException(field.text() + " takes = or !=, not " + op.symbol());
            }
            if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("empty value for " + field.text());
            }
            values = field == Field.TYPE
                    ? values.stream().map(EventFacts::normalizeType).collect(Collectors.toUnmodifiableList())
                    : List.copyOf(values);
        }

        @Override
        public boolean matches(EventFacts facts) {
            boolean any = values.stream().map(v -> field == Field.TYPE ? v : v.toLowerCase(Locale.ROOT))
                    .anyMatch(v -> holds(facts, v));
            return op == Op.EQ ? any : !any;
        }

        private boolean holds(EventFacts facts, String value) {
            switch (field) {
                case TYPE: return facts.type().equals(value);
                case ACTOR: return facts.actor().names().contains(value);
                case TARGET: return facts.target() != null && facts.target().names().contains(value);
                case ENTITY: return facts.actor().names().contains(value)
                        || facts.target() != null && facts.target().names().contains(value);
                case TAG: return facts.allTags().contains(value);
                case ACTOR_TAG: return facts.actor().tags().contains(value);
                case TARGET_TAG: return facts.target() != null && facts.target().tags().contains(value);
                default: throw new IllegalStateException(field.text());
            }
        }

        @Override
        public Optional<Set<Anchor>> anchors() {
            if (op == Op.NE) {
                return Optional.empty();
            }
            Anchor.Kind kind = field == Field.TYPE ? Anchor.Kind.TYPE
                    : field == Field.TAG || field == Field.ACTOR_TAG || field == Field.TARGET_TAG ? Anchor.Kind.TAG
                    : Anchor.Kind.ENTITY;
            return Optional.of(values.stream().map(v -> new Anchor(kind, v)).collect(Collectors.toUnmodifiableSet()));
        }

        @Override
        public String toString() {
            return field.text() + op.symbol() + values.stream().map(RuleTokenizer::quoteIfNeeded).collect(Collectors.joining(","));
        }
    }

    /** {@code amount>=1.5B}: false for an event without an amount, whatever the operator. */
    record Amount(Op op, long usd) implements Expr {
        public Amount {
            if (!Field.AMOUNT.accepts(op)) {
                throw new IllegalArgumentException("amount does not take " + op);
            }
            if (usd < 0) {
                throw new IllegalArgumentException("amount must not be negative");
            }
        }

        @Override
        public boolean matches(EventFacts facts) {
            return facts.amountUsd() != null && op.compare(facts.amountUsd(), usd);
        }

        @Override
        public Optional<Set<Anchor>> anchors() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "amount" + op.symbol() + UsdAmount.format(usd);
        }
    }

    /** {@code headline~"a","b"}: the headline contains any of the texts, ignoring case. */
    record Headline(List<String> texts) implements Expr {
        public Headline {
            if (texts.isEmpty() || texts.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("empty headline text");
            }
            texts = List.copyOf(texts);
        }

        @Override
        public boolean matches(EventFacts facts) {
            String headline = facts.headline().toLowerCase(Locale.ROOT);
            return texts.stream().anyMatch(t -> headline.contains(t.toLowerCase(Locale.ROOT)));
        }

        @Override
        public Optional<Set<Anchor>> anchors() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "headline~" + texts.stream().map(RuleTokenizer::quote).collect(Collectors.joining(","));
        }
    }

    private static <T extends Expr> List<Expr> flatten(List<Expr> children, Class<T> kind, Function<T, List<Expr>> parts) {
        List<Expr> flat = new ArrayList<>();
        for (Expr child : children) {
            if (kind.isInstance(child)) {
                flat.addAll(parts.apply(kind.cast(child)));
            } else {
                flat.add(Objects.requireNonNull(child, "child"));
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException(kind.getSimpleName() + " needs at least two operands");
        }
        return List.copyOf(flat);
    }
}
