package io.tip.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The syntax tree of a rule. Each node evaluates itself, derives its index anchors and prints its
 * canonical text ({@link #toString()}), which parses back to an equal node.
 */
public sealed interface Expr permits Expr.And, Expr.Or, Expr.Not, Expr.Match, Expr.Amount, Expr.Headline, Expr.Product,
        Expr.Attribute {

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
            if (field == Field.AMOUNT || field == Field.HEADLINE || field == Field.PRODUCT || field == Field.ATTRIBUTE) {
                throw new IllegalArgumentException(field.text() + " is not a name, tag or source field");
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
                case TAG: return EventFacts.hasTag(facts.allTags(), value);
                case EVENT_TAG: return EventFacts.hasTag(facts.tags(), value);
                case ACTOR_TAG: return EventFacts.hasTag(facts.actor().tags(), value);
                case TARGET_TAG: return facts.target() != null && EventFacts.hasTag(facts.target().tags(), value);
                case SOURCE: return facts.source() != null && facts.source().strip().equalsIgnoreCase(value);
                default: throw new IllegalStateException(field.text());
            }
        }

        @Override
        public Optional<Set<Anchor>> anchors() {
            if (op == Op.NE || field == Field.SOURCE) {
                return Optional.empty(); // an event's source is not among its index keys
            }
            Anchor.Kind kind = field == Field.TYPE ? Anchor.Kind.TYPE
                    : field == Field.TAG || field == Field.EVENT_TAG || field == Field.ACTOR_TAG || field == Field.TARGET_TAG
                    ? Anchor.Kind.TAG : Anchor.Kind.ENTITY;
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

    /** {@code headline~"a","b"}: the headline holds any of the words or phrases, whole, ignoring case ({@link Words}). */
    record Headline(List<String> texts) implements Expr {
        public Headline {
            texts = phrases(texts, "headline");
        }

        @Override
        public boolean matches(EventFacts facts) {
            return texts.stream().anyMatch(t -> Words.in(facts.headline(), t));
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

    /** {@code product~"TPU","Trainium"}: a product of the event holds any of the words or phrases, as in headlines. */
    record Product(List<String> texts) implements Expr {
        public Product {
            texts = phrases(texts, "product");
        }

        @Override
        public boolean matches(EventFacts facts) {
            return facts.products().stream().anyMatch(p -> texts.stream().anyMatch(t -> Words.in(p, t)));
        }

        @Override
        public Optional<Set<Anchor>> anchors() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "product~" + texts.stream().map(RuleTokenizer::quote).collect(Collectors.joining(","));
        }
    }

    /**
     * {@code attr.segment=datacenter} (the value, ignoring case), {@code attr.segment!=x} (none of
     * them; true when the event lacks the attribute) and {@code attr.note~"sold out"} (words, as in
     * headlines). The key is compared ignoring case.
     */
    record Attribute(String key, Op op, List<String> values) implements Expr {
        public Attribute {
            Objects.requireNonNull(key, "key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("empty attribute name");
            }
            if (!Field.ATTRIBUTE.accepts(op)) {
                throw new IllegalArgumentException("attr takes =, != or ~, not " + op.symbol());
            }
            if (op == Op.CONTAINS) {
                values = phrases(values, "attr." + key);
            } else if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("empty value for attr." + key);
            } else {
                values = List.copyOf(values);
            }
        }

        @Override
        public boolean matches(EventFacts facts) {
            String actual = null;
            for (Map.Entry<String, String> entry : facts.attributes().entrySet()) {
                if (entry.getKey().equalsIgnoreCase(key)) {
                    actual = entry.getValue();
                    break;
                }
            }
            String value = actual;
            boolean any = value != null && values.stream().anyMatch(v -> op == Op.CONTAINS ? Words.in(value, v)
                    : value.strip().equalsIgnoreCase(v));
            return op == Op.NE ? !any : any;
        }

        @Override
        public Optional<Set<Anchor>> anchors() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return Field.ATTRIBUTE_PREFIX + key + op.symbol() + values.stream()
                    .map(op == Op.CONTAINS ? RuleTokenizer::quote : RuleTokenizer::quoteIfNeeded).collect(Collectors.joining(","));
        }
    }

    /** Words and phrases for {@code ~}: none empty, and not only a {@code *}. */
    private static List<String> phrases(List<String> texts, String field) {
        if (texts.isEmpty() || texts.stream().anyMatch(t -> t.isEmpty() || t.equals("*"))) {
            throw new IllegalArgumentException("empty " + field + " text");
        }
        return List.copyOf(texts);
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
