package io.tip.rules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The event fields a rule term can test, with the operators each accepts. */
public enum Field {
    TYPE("type", Op.EQ, Op.NE),
    ACTOR("actor", Op.EQ, Op.NE),
    TARGET("target", Op.EQ, Op.NE),
    ENTITY("entity", Op.EQ, Op.NE),
    TAG("tag", Op.EQ, Op.NE),
    ACTOR_TAG("actor.tag", Op.EQ, Op.NE),
    TARGET_TAG("target.tag", Op.EQ, Op.NE),
    AMOUNT("amount", Op.EQ, Op.NE, Op.GT, Op.GE, Op.LT, Op.LE),
    HEADLINE("headline", Op.CONTAINS),
    EVENT_TAG("event.tag", Op.EQ, Op.NE),
    PRODUCT("product", Op.CONTAINS),
    SOURCE("source", Op.EQ, Op.NE),
    /** {@code attr.KEY}: the attribute KEY; the key is written after the dot. */
    ATTRIBUTE("attr.KEY", Op.EQ, Op.NE, Op.CONTAINS);

    static final String ATTRIBUTE_PREFIX = "attr.";

    private final String text;
    private final Set<Op> operators;

    Field(String text, Op first, Op... rest) {
        this.text = text;
        this.operators = EnumSet.of(first, rest);
    }

    public String text() {
        return text;
    }

    public boolean accepts(Op op) {
        return operators.contains(op);
    }

    /** The accepted operators as an analyst would write them: {@code = or !=}. */
    String operatorList() {
        var symbols = operators.stream().map(Op::symbol).collect(Collectors.toList());
        if (symbols.size() == 1) {
            return symbols.get(0);
        }
        return String.join(", ", symbols.subList(0, symbols.size() - 1)) + " or " + symbols.get(symbols.size() - 1);
    }

    /** The field a term names; {@code attr.segment} is {@link #ATTRIBUTE} (its key is read by the parser). */
    static Optional<Field> byText(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        if (wanted.startsWith(ATTRIBUTE_PREFIX) && wanted.length() > ATTRIBUTE_PREFIX.length()) {
            return Optional.of(ATTRIBUTE);
        }
        return Arrays.stream(values()).filter(f -> f != ATTRIBUTE && f.text.equals(wanted)).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(Field::text).collect(Collectors.joining(", "));
    }
}
