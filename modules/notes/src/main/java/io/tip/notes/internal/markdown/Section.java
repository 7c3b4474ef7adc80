package io.tip.notes.internal.markdown;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The sections tip reads, each with the few names analysts give it (docs/notes.md lists them). A
 * heading is compared after {@link #normalize}: lower case, a trailing {@code (…)} and {@code :} dropped.
 */
enum Section {
    EVIDENCE("Evidence", List.of("evidence", "key evidence", "supporting evidence"), "evidence"),
    IMPLICATIONS("Implications", List.of("implications", "implication", "implications for other theses"), "implication"),
    SIGNALS("Signals", List.of("signals", "signal", "rules"), "signal"),
    COUNTER_ARGUMENTS("Counter-arguments", List.of("counter-arguments", "counter-argument", "counterarguments",
            "counterargument", "counter arguments", "counter argument", "risks", "bear case"), "counter", "risk");

    /** Two edits: {@code Signls}, {@code Evidance}, {@code Implicatons}; -1 when further apart. */
    private static final LevenshteinDistance TYPO = new LevenshteinDistance(2);

    private final String heading;
    private final List<String> names;
    private final List<String> stems;

    Section(String heading, List<String> names, String... stems) {
        this.heading = heading;
        this.names = names;
        this.stems = List.of(stems);
    }

    /** How the docs write it: {@code ## Signals}. */
    String heading() {
        return "## " + heading;
    }

    static String normalize(String headingText) {
        String text = headingText.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        text = text.replaceFirst("\\s*:$", "").replaceFirst("\\s*\\([^()]*\\)$", "");
        return text.strip();
    }

    /** The section this heading names, if it is one of the accepted names. */
    static Optional<Section> named(String headingText) {
        String key = normalize(headingText);
        return Arrays.stream(values()).filter(s -> s.names.contains(key)).findFirst();
    }

    /**
     * The section an unknown heading was probably meant to be: a word of it starts like one of the
     * section's words ({@code ## Bull signals}), or it is a typo away from a name ({@code ## Signls}).
     */
    static Optional<Section> nearMiss(String headingText) {
        String key = normalize(headingText);
        for (Section section : values()) {
            for (String word : key.split("[^\\p{L}]+")) {
                if (section.stems.stream().anyMatch(word::startsWith)) {
                    return Optional.of(section);
                }
            }
            if (section.names.stream().anyMatch(n -> n.length() >= 5 && TYPO.apply(key, n) >= 0)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
