package io.tip.notes.internal.markdown;

import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Thesis;
import io.tip.notes.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One note, read on its own: either a thesis (with its implications) or an entity, plus what the
 * vault needs to check it against the other notes.
 *
 * @param names slugs a {@code [[link]]} may use to reach this note (title, file name, aliases)
 * @param links every wiki link with its line, for the vault to check that it leads somewhere
 * @param unread the note's {@code ##} headings that name no section tip reads, as written
 */
public record ParsedNote(Path file, String id, int titleLine, Optional<Thesis> thesis, Optional<Entity> entity,
                         List<Implication> implications, Set<String> names, List<Link> links,
                         List<String> unread, List<Problem> problems) {

    public record Link(String target, int line) {
    }
}
