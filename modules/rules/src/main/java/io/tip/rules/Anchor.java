package io.tip.rules;

import java.util.Locale;
import java.util.Objects;

/**
 * A key under which the engine indexes a rule: an event can only match the rule if the event has
 * one of the rule's anchors among its {@link EventFacts#keys() keys}.
 */
public record Anchor(Kind kind, String value) {
    public enum Kind { TYPE, ENTITY, TAG }

    public Anchor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        value = kind == Kind.TYPE ? EventFacts.normalizeType(value) : value.toLowerCase(Locale.ROOT);
    }

    public static Anchor type(String type) {
        return new Anchor(Kind.TYPE, type);
    }

    public static Anchor entity(String name) {
        return new Anchor(Kind.ENTITY, name);
    }

    public static Anchor tag(String tag) {
        return new Anchor(Kind.TAG, tag);
    }

    @Override
    public String toString() {
        return kind + ":" + value;
    }
}
