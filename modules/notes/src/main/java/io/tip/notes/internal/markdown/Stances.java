package io.tip.notes.internal.markdown;

import io.tip.model.Stance;

import java.util.Locale;
import java.util.Optional;

/** Stance cells as analysts write them: SUPPORTS / supports / support, CHALLENGES / challenge, REVIEW. */
final class Stances {
    private Stances() {
    }

    static Optional<Stance> parse(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "supports": case "support": return Optional.of(Stance.SUPPORTS);
            case "challenges": case "challenge": return Optional.of(Stance.CHALLENGES);
            case "review": return Optional.of(Stance.REVIEW);
            default: return Optional.empty();
        }
    }

    static String unknown(String text) {
        return "unknown stance '" + text + "' (use SUPPORTS, CHALLENGES or REVIEW)";
    }
}
