package io.tip.app.format;

import java.util.Locale;

import io.tip.model.ThesisImpact;

/** The readable one-line form of an impact, for people watching a terminal. */
public final class ImpactText {
    private ImpactText() {
    }

    public static String line(ThesisImpact impact) {
        String verb = switch (impact.getStance()) {
            case SUPPORTS -> "SUPPORTED by";
            case CHALLENGES -> "CHALLENGED by";
            case REVIEW -> "to REVIEW after";
        };
        String via = impact.getOrder() == 1 ? "" : " [order " + impact.getOrder() + " via " + String.join(" → ", impact.getPath()) + "]";
        return String.format(Locale.ROOT, "%s — %s %s (magnitude %.2f)%s: %s",
                impact.getThesisTitle(), verb, impact.getEventHeadline(), impact.getMagnitude(), via, impact.getWhy());
    }
}
