package io.tip.rules;

/** The operators of a rule term. */
public enum Op {
    EQ("="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<="), CONTAINS("~");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    boolean compare(long actual, long expected) {
        int c = Long.compare(actual, expected);
        switch (this) {
            case EQ: return c == 0;
            case NE: return c != 0;
            case GT: return c > 0;
            case GE: return c >= 0;
            case LT: return c < 0;
            case LE: return c <= 0;
            default: throw new IllegalStateException(this + " does not compare numbers");
        }
    }
}
