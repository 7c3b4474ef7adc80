package io.tip.notes.internal.markdown;

import java.util.Optional;

/**
 * Reads the target of an implication heading ({@code **For [[Target]] (+):**}), as the regex
 * {@code (?i)for\s+(.+?)\s*:?} (whole text) did — but in one pass. The regex was quadratic: its lazy
 * group retried {@code \s*:?} against the rest of the line at every character, and a 100,000-space
 * heading took 35 s in {@code tip lint} (200,000: over 120 s).
 */
final class ImplicationHeading {
    private ImplicationHeading() {
    }

    /** The text after "for" and its whitespace, without trailing whitespace and one trailing colon; empty if not a heading. */
    static Optional<String> target(String text) {
        int n = text.length();
        if (n < 4 || !text.regionMatches(true, 0, "for", 0, 3)) {
            return Optional.empty();
        }
        int start = 3;
        while (start < n && isSpace(text.charAt(start))) {
            start++;
        }
        if (start == 3) {
            return Optional.empty(); // "for" must be followed by whitespace
        }
        if (start == n) {
            // Only whitespace after "for": the regex gave back to the target its last whitespace character that is
            // not a line terminator (one character, at least one left for \s+).
            for (int i = n - 1; i > 3; i--) {
                if (!isLineTerminator(text.charAt(i))) {
                    return Optional.of(text.substring(i, i + 1));
                }
            }
            return Optional.empty();
        }
        int end = n;
        if (end > start + 1 && text.charAt(end - 1) == ':') {
            end--;
        }
        while (end > start + 1 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            if (isLineTerminator(text.charAt(i))) {
                return Optional.empty(); // '.' in the regex matched no line terminator
            }
        }
        return Optional.of(text.substring(start, end));
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The characters {@code .} does not match without DOTALL. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
