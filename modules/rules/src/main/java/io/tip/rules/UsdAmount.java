package io.tip.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Amounts in rules and in the JSON form of events: whole US dollars written as {@code 20000000000}, {@code 20B}, {@code 1.5B} or {@code $4.5B}. */
public final class UsdAmount {
    private static final Pattern SYNTAX = Pattern.compile("\\$?(\\d+(?:\\.\\d+)?)([KMBT]?)", Pattern.CASE_INSENSITIVE);
    private static final String SUFFIXES = "KMBT";

    private UsdAmount() {
    }

    /** @throws IllegalArgumentException with a message for the analyst */
    public static long parse(String text) {
        var m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad amount '" + text + "' (a number of US dollars, optionally ending in K, M, B or T: 1.5B)");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        if (!m.group(2).isEmpty()) {
            value = value.multiply(multiplier(SUFFIXES.indexOf(m.group(2).toUpperCase(Locale.ROOT))));
        }
        BigDecimal exact = value.stripTrailingZeros();
        if (exact.scale() > 0) {
            throw new IllegalArgumentException("bad amount '" + text + "' (not a whole number of dollars)");
        }
        try {
            return exact.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("bad amount '" + text + "' (too large)");
        }
    }

    /** The shortest exact text: 1500000000 -> 1.5B, 1234 -> 1.234K, 999 -> 999. */
    public static String format(long usd) {
        BigDecimal value = BigDecimal.valueOf(usd);
        for (int i = SUFFIXES.length() - 1; i >= 0; i--) {
            BigDecimal scaled = value.divide(multiplier(i)).stripTrailingZeros();
            if (scaled.compareTo(BigDecimal.ONE) >= 0 && scaled.scale() <= 3) {
                return scaled.toPlainString() + SUFFIXES.charAt(i);
            }
        }
        return Long.toString(usd);
    }

    private static BigDecimal multiplier(int suffixIndex) {
        return BigDecimal.TEN.pow(3 * (suffixIndex + 1));
    }
}
