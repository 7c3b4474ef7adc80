package io.tip.notes;

import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Polarity;
import io.tip.model.Thesis;
import io.tip.notes.internal.markdown.ParsedNote;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line per note saying what tip understood of it, for {@code tip lint --explain}:
 * {@code HBM shortage persists.md: HBM shortage persists: thesis, 4 signals, 3 implications (2 SAME, 1 INVERSE), 2 counter-arguments; not read: ## Appendix}.
 */
final class NoteExplanation {
    private NoteExplanation() {
    }

    static String of(ParsedNote note) {
        List<String> parts = new ArrayList<>();
        String name;
        if (note.entity().isPresent()) {
            Entity entity = note.entity().get();
            name = entity.getName();
            parts.add("entity (" + entity.getKind() + ")");
            parts.add(count(entity.getAliases().size(), "alias", "aliases") + listed(entity.getAliases()));
            parts.add(count(entity.getTags().size(), "tag", "tags") + listed(entity.getTags()));
        } else {
            Thesis thesis = note.thesis().orElseThrow();
            name = thesis.getTitle();
            parts.add("thesis");
            parts.add(count(thesis.getSignals().size(), "signal", "signals"));
            parts.add(count(note.implications().size(), "implication", "implications") + polarities(note.implications()));
            parts.add(count(thesis.getCounterArguments().size(), "counter-argument", "counter-arguments"));
            parts.add(count(thesis.getEvidence().size(), "evidence row", "evidence rows"));
            parts.add(count(thesis.getEntities().size(), "link", "links"));
            if (thesis.getUpdated() != null) {
                parts.add("updated " + thesis.getUpdated());
            }
        }
        String unread = note.unread().isEmpty() ? "" : "; not read: " + String.join(", ", note.unread());
        return path(note) + ": " + name + ": " + String.join(", ", parts) + unread;
    }

    static String duplicate(ParsedNote note, ParsedNote first) {
        return path(note) + ": not loaded: duplicate id '" + note.id() + "' (" + path(first) + " has it)";
    }

    private static String polarities(List<Implication> implications) {
        if (implications.isEmpty()) {
            return "";
        }
        List<String> counts = new ArrayList<>();
        for (Polarity polarity : Polarity.values()) {
            long n = implications.stream().filter(i -> i.getPolarity() == polarity).count();
            if (n > 0) {
                counts.add(n + " " + polarity);
            }
        }
        return " (" + String.join(", ", counts) + ")";
    }

    private static String listed(List<String> values) {
        return values.isEmpty() ? "" : values.stream().collect(Collectors.joining(", ", " [", "]"));
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String path(ParsedNote note) {
        return note.file().toString().replace('\\', '/');
    }
}
