package io.tip.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits rule text into words, quoted strings, operators, commas and parentheses. */
final class RuleTokenizer {
    enum Kind { WORD, STRING, OPERATOR, COMMA, OPEN, CLOSE, END }

    /** A token; {@code column} is 1-based. */
    record Token(Kind kind, String text, int column) {
        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        String describe() {
            switch (kind) {
                case END: return "the end of the rule";
                case STRING: return quote(text);
                default: return "'" + text + "'";
            }
        }
    }

    private static final String SPECIAL = "(),\"'=!<>~";
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not");

    private RuleTokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), column));
                i++;
            } else if (c == '"' || c == '\'') {
                i = readString(text, i, tokens);
            } else if (text.startsWith("[[", i)) {
                i = readLink(text, i, tokens);
            } else if (c == '=' || c == '~') {
                tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), column));
                i++;
            } else if (c == '!' || c == '<' || c == '>') {
                boolean withEquals = i + 1 < text.length() && text.charAt(i + 1) == '=';
                if (c == '!' && !withEquals) {
                    throw new RuleSyntaxException("unexpected '!' (write != for 'is not', or not before a term)", column);
                }
                tokens.add(new Token(Kind.OPERATOR, withEquals ? c + "=" : String.valueOf(c), column));
                i += withEquals ? 2 : 1;
            } else {
                int end = i;
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(i, end), column));
                i = end;
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1));
        return tokens;
    }

    private static int readString(String text, int start, List<Token> tokens) {
        char quote = text.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                tokens.add(new Token(Kind.STRING, value.toString(), start + 1));
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            value.append(c);
            i++;
        }
        throw new RuleSyntaxException("unterminated quote " + quote + " (close it with " + quote + ")", start + 1);
    }

    /**
     * {@code [[SK Hynix]]} or {@code [[SK Hynix|Hynix]]} where an entity name is expected: the
     * link's target, as a quoted string would give it, so a name copied from the note just works.
     */
    private static int readLink(String text, int start, List<Token> tokens) {
        int end = text.indexOf("]]", start + 2);
        if (end < 0) {
            throw new RuleSyntaxException("unterminated [[ (close the link with ]])", start + 1);
        }
        String target = text.substring(start + 2, end).split("[|#]", 2)[0].strip();
        if (target.isEmpty()) {
            throw new RuleSyntaxException("empty link [[]] (write the name inside: [[SK Hynix]])", start + 1);
        }
        tokens.add(new Token(Kind.STRING, target, start + 1));
        return end + 2;
    }

    private static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && SPECIAL.indexOf(c) < 0;
    }

    /** The value as a bare word when it reads back as the same word, else quoted. */
    static String quoteIfNeeded(String value) {
        boolean bare = !value.isEmpty() && value.chars().allMatch(c -> isWordChar((char) c)) && !value.startsWith("[[")
                && !KEYWORDS.contains(value.toLowerCase(Locale.ROOT));
        return bare ? value : quote(value);
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
