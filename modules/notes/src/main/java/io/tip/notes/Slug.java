package io.tip.notes;

import java.text.Normalizer;
import java.util.Locale;

/** Ids of theses, entities and implication targets: {@code Training-inference convergence} -> {@code training-inference-convergence}. */
public final class Slug {
    private Slug() {
    }

    /** Lower case; every run of characters other than letters and digits becomes one '-'; no '-' at either end. */
    public static String of(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }
}
