package io.tip.app.trial;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.tip.app.cli.UserError;
import io.tip.model.Thesis;
import io.tip.notes.Vault;

/**
 * Which theses of a vault a trial reports on: one, named by its id or its title (case ignored), or
 * all of them. Every thesis is still evaluated, since impacts propagate between them.
 */
public record ThesisChoice(Thesis thesis) implements Predicate<String> {

    public static ThesisChoice all() {
        return new ThesisChoice(null);
    }

    /** The thesis named {@code idOrTitle}, or all when it is null; an unknown name is a user error listing the ids. */
    public static ThesisChoice of(Vault vault, String idOrTitle) {
        if (idOrTitle == null) {
            return all();
        }
        for (Thesis t : vault.theses()) {
            if (t.getId().equals(idOrTitle) || t.getTitle().toLowerCase(Locale.ROOT).equals(idOrTitle.toLowerCase(Locale.ROOT))) {
                return new ThesisChoice(t);
            }
        }
        List<String> ids = vault.theses().stream().map(Thesis::getId).sorted().toList();
        throw new UserError("no thesis '" + idOrTitle + "' in the vault; give an id or a title, one of: "
                + (ids.size() > 10 ? String.join(", ", ids.subList(0, 10)) + ", ... (" + ids.size() + " in all)" : String.join(", ", ids)));
    }

    @Override
    public boolean test(String thesisId) {
        return thesis == null || thesis.getId().equals(thesisId);
    }

    public boolean one() {
        return thesis != null;
    }
}
