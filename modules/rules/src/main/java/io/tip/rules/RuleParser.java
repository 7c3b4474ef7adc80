package io.tip.rules;

import io.tip.model.EventType;
import io.tip.rules.RuleTokenizer.Kind;
import io.tip.rules.RuleTokenizer.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recursive descent over the tokens:
 * <pre>
 * rule  := or END
 * or    := and ("or" and)*
 * and   := unary (["and"] unary)*        terms side by side mean and
 * unary := "not" unary | "(" or ")" | term
 * term  := FIELD OPERATOR value ("," value)*
 * </pre>
 */
final class RuleParser {
    /** Deep enough for any hand-written rule, shallow enough that no input can exhaust the stack. */
    private static final int MAX_DEPTH = 64;
    private static final Set<String> EVENT_TYPES =
            Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final List<Token> tokens;
    private int position;
    private int depth;
    /** The last term read, as {@code actor=}, and its last value: to teach quoting when a name has a space. */
    private String lastTerm;
    private Token lastValue;

    private RuleParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String text) {
        RuleParser parser = new RuleParser(RuleTokenizer.tokenize(text));
        if (parser.peek().kind() == Kind.END) {
            throw new RuleSyntaxException("empty rule (write a term such as type=acquisition)", 1);
        }
        Expr expr = parser.or();
        Token next = parser.peek();
        if (next.kind() == Kind.CLOSE) {
            throw new RuleSyntaxException("unbalanced ')': no '(' before it", next.column());
        }
        if (next.kind() != Kind.END) {
            throw new RuleSyntaxException("unexpected " + next.describe() + " (expected and, or, or the end of the rule)", next.column());
        }
        return expr;
    }

    private Expr or() {
        List<Expr> operands = new ArrayList<>(List.of(and()));
        while (peek().isKeyword("or")) {
            position++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Expr.Or(operands);
    }

    private Expr and() {
        List<Expr> operands = new ArrayList<>(List.of(unary()));
        while (true) {
            if (peek().isKeyword("and")) {
                position++;
                operands.add(unary());
            } else if (startsUnary(peek())) {
                operands.add(unary());
            } else {
                return operands.size() == 1 ? operands.get(0) : new Expr.And(operands);
            }
        }
    }

    private static boolean startsUnary(Token token) {
        return token.kind() == Kind.OPEN || token.kind() == Kind.WORD && !token.isKeyword("and") && !token.isKeyword("or");
    }

    private Expr unary() {
        Token token = next();
        if (++depth > MAX_DEPTH) {
            throw new RuleSyntaxException("rule nested more than " + MAX_DEPTH + " levels deep", token.column());
        }
        try {
            if (token.isKeyword("not")) {
                return new Expr.Not(unary());
            }
            if (token.kind() == Kind.OPEN) {
                Expr inner = or();
                Token close = next();
                if (close.kind() != Kind.CLOSE) {
                    throw new RuleSyntaxException("unbalanced '(' at column " + token.column() + ": expected ')' but found "
                            + close.describe(), close.column());
                }
                return inner;
            }
            return term(token);
        } finally {
            depth--;
        }
    }

    private Expr term(Token name) {
        if (name.kind() != Kind.WORD || name.isKeyword("and") || name.isKeyword("or")) {
            throw new RuleSyntaxException("expected a term such as type=acquisition but found " + name.describe(), name.column());
        }
        Field field = Field.byText(name.text()).orElseThrow(() -> unknownField(name));
        Token operator = next();
        if (operator.kind() != Kind.OPERATOR) {
            throw new RuleSyntaxException("expected an operator (" + field.operatorList() + ") after " + name.text()
                    + " but found " + operator.describe(), operator.column());
        }
        Op op = Arrays.stream(Op.values()).filter(o -> o.symbol().equals(operator.text())).findFirst().orElseThrow();
        if (!field.accepts(op)) {
            throw new RuleSyntaxException("operator " + op.symbol() + " does not work with " + field.text()
                    + " (use " + field.operatorList() + ")", operator.column());
        }
        List<Token> values = values(field);
        lastTerm = name.text() + op.symbol();
        lastValue = values.get(values.size() - 1);
        try {
            switch (field) {
                case AMOUNT: return amount(op, values);
                case HEADLINE: return new Expr.Headline(texts(values));
                case PRODUCT: return new Expr.Product(texts(values));
                case ATTRIBUTE: return new Expr.Attribute(name.text().substring(Field.ATTRIBUTE_PREFIX.length()), op, texts(values));
                case TYPE: return new Expr.Match(field, op, eventTypes(values));
                default: return new Expr.Match(field, op, texts(values));
            }
        } catch (RuleSyntaxException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RuleSyntaxException(e.getMessage() + " (write a word or phrase)", values.get(0).column());
        }
    }

    /**
     * An unknown field. When it directly follows a term's bare value and no operator follows it,
     * it is the rest of a name with a space ({@code actor=SK Hynix}): say so, and how to quote it.
     */
    private RuleSyntaxException unknownField(Token name) {
        boolean followsBareValue = lastValue != null && lastValue.kind() == Kind.WORD && tokens.get(position - 2) == lastValue;
        if (followsBareValue && peek().kind() != Kind.OPERATOR) {
            StringBuilder whole = new StringBuilder(lastValue.text()).append(' ').append(name.text());
            for (int i = position; tokens.get(i).kind() == Kind.WORD && !isKeyword(tokens.get(i))
                    && tokens.get(i + 1).kind() != Kind.OPERATOR; i++) {
                whole.append(' ').append(tokens.get(i).text());
            }
            return new RuleSyntaxException("'" + name.text() + "' looks like part of a name with a space: quote it, "
                    + lastTerm + RuleTokenizer.quote(whole.toString()), name.column());
        }
        return new RuleSyntaxException("unknown field '" + name.text() + "' (known: " + Field.known() + ")", name.column());
    }

    private static boolean isKeyword(Token token) {
        return token.isKeyword("and") || token.isKeyword("or") || token.isKeyword("not");
    }

    private List<Token> values(Field field) {
        List<Token> values = new ArrayList<>();
        while (true) {
            Token value = next();
            boolean missing = value.kind() != Kind.WORD && value.kind() != Kind.STRING
                    || value.text().isEmpty() || !field.accepts(Op.CONTAINS) && value.text().isBlank();
            if (missing) {
                throw new RuleSyntaxException("empty value for " + field.text() + " (found " + value.describe() + ")", value.column());
            }
            values.add(value);
            if (peek().kind() != Kind.COMMA) {
                return values;
            }
            position++;
        }
    }

    private static Expr amount(Op op, List<Token> values) {
        if (values.size() > 1) {
            throw new RuleSyntaxException("amount takes a single value", values.get(1).column());
        }
        try {
            return new Expr.Amount(op, UsdAmount.parse(values.get(0).text()));
        } catch (IllegalArgumentException e) {
            throw new RuleSyntaxException(e.getMessage(), values.get(0).column());
        }
    }

    private static List<String> eventTypes(List<Token> values) {
        for (Token value : values) {
            if (!EVENT_TYPES.contains(EventFacts.normalizeType(value.text()))) {
                throw new RuleSyntaxException("unknown event type '" + value.text() + "' (known: "
                        + Arrays.stream(EventType.values()).map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining(", ")) + ")", value.column());
            }
        }
        return texts(values);
    }

    private static List<String> texts(List<Token> values) {
        return values.stream().map(Token::text).collect(Collectors.toList());
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }
}
