package io.tip.rules;

import java.util.Locale;

/**
 * {@code headline~"AI"}, {@code product~"TPU v7"}: a word or phrase found whole, ignoring case —
 * "AI" is in "AI chips" and "AI-ready", not in "Xilinx", "said" or "GenAI". A trailing
 * {@code *} makes the last word a prefix ({@code "cut*"} finds "cuts" and "cutting"). One pass of
 * {@link String#indexOf} per occurrence, no regular expression: linear in the text, whatever the rule.
 */
final class Words {
    private Words() {
    }

    /** True when {@code phrase} occurs in {@code text} as whole words (its last one a prefix when it ends in {@code *}). */
    static boolean in(String text, String phrase) {
        String haystack = text.toLowerCase(Locale.ROOT);
        boolean prefix = phrase.endsWith("*");
        String needle = (prefix ? phrase.substring(0, phrase.length() - 1) : phrase).toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return false;
        }
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            boolean startsWord = at == 0 || !isWordChar(haystack.charAt(at - 1)) || !isWordChar(needle.charAt(0));
            boolean endsWord = prefix || end == haystack.length() || !isWordChar(haystack.charAt(end))
                    || !isWordChar(needle.charAt(needle.length() - 1));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
