package io.tip.app.format;

import java.util.Collection;
import java.util.Optional;

import io.tip.model.Thesis;
import io.tip.notes.Slug;

/** Finds a thesis by what a person calls it: its id, its title or one of its aliases (case and punctuation ignored). */
public final class ThesisNames {
    private ThesisNames() {
    }

    public static Optional<Thesis> find(String name, Collection<Thesis> theses) {
        String wanted = Slug.of(name);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (Thesis thesis : theses) {
            if (thesis.getId().equals(wanted) || Slug.of(thesis.getTitle()).equals(wanted)) {
                return Optional.of(thesis);
            }
        }
        return theses.stream().filter(t -> t.getAliases().stream().anyMatch(a -> Slug.of(a).equals(wanted))).findFirst();
    }

    /** The thesis id for {@code name}; the name itself (as a slug) when no thesis has it yet, so a filter can wait for it. */
    public static String idOf(String name, Collection<Thesis> theses) {
        return find(name, theses).map(Thesis::getId).orElse(Slug.of(name));
    }
}
