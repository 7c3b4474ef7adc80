package io.tip.app.format;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import io.tip.model.Thesis;
import io.tip.model.ThesisImpact;

/** Which impacts a watcher wants: by thesis, by the thesis's tag, by minimum magnitude. */
public final class ImpactFilter implements Predicate<ThesisImpact> {
    private final String thesisId;
    private final String tag;
    private final double minMagnitude;
    private final Function<String, Thesis> theses;

    /** @param theses looks a thesis up by id; needed only to filter by tag */
    public ImpactFilter(String thesisId, String tag, double minMagnitude, Function<String, Thesis> theses) {
        this.thesisId = thesisId;
        this.tag = tag == null ? null : tag.toLowerCase(Locale.ROOT).replaceFirst("^#", "");
        this.minMagnitude = minMagnitude;
        this.theses = theses;
    }

    @Override
    public boolean test(ThesisImpact impact) {
        if (thesisId != null && !thesisId.equals(impact.getThesisId())) {
            return false;
        }
        if (impact.getMagnitude() < minMagnitude) {
            return false;
        }
        if (tag != null) {
            Thesis thesis = theses.apply(impact.getThesisId());
            return thesis != null && thesis.getTags().stream().anyMatch(t -> t.equalsIgnoreCase(tag));
        }
        return true;
    }
}
