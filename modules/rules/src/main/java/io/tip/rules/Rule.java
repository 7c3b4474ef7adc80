package io.tip.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A signal's {@code When}: a small rule over an event's type, entities, tags, amount and headline.
 * Rules only compare values; nothing in a note can ever run code. Two rules are equal when their
 * trees are, and {@link #toString()} gives canonical text that parses back to an equal rule.
 */
public record Rule(Expr expr) {
    public Rule {
        Objects.requireNonNull(expr, "expr");
    }

    /** @throws RuleSyntaxException with a message an analyst can act on and the column */
    public static Rule parse(String text) {
        return new Rule(RuleParser.parse(Objects.requireNonNull(text, "text")));
    }

    public boolean matches(EventFacts facts) {
        return expr.matches(facts);
    }

    /**
     * Index keys for the engine: if present, every event this rule matches carries at least one of
     * them among {@link EventFacts#keys()}; if empty, the rule must be tried on every event.
     */
    public Optional<Set<Anchor>> anchors() {
        return expr.anchors();
    }

    @Override
    public String toString() {
        return expr.toString();
    }
}
