package io.tip.rules;

/** A rule that does not parse: what is wrong and at which column (1-based) of the rule text. */
public final class RuleSyntaxException extends IllegalArgumentException {
    private final String reason;
    private final int column;

    public RuleSyntaxException(String reason, int column) {
        super(reason + " (column " + column + ")");
        this.reason = reason;
        this.column = column;
    }

    /** The problem without the column, e.g. {@code unknown field 'tpye' (known: type, ...)}. */
    public String reason() {
        return reason;
    }

    public int column() {
        return column;
    }
}
