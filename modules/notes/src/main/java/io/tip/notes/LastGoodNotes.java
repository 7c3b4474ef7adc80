package io.tip.notes;

import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Thesis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * For {@code tip load --watch}: a note with an error is not published, and the version of it that
 * was last good stays live. Remembers, per note file, the records it last gave without error, and
 * turns each fresh reading of the vault into the records to publish.
 */
public final class LastGoodNotes {
    private record Records(List<Thesis> theses, List<Implication> implications, List<Entity> entities) {
    }

    private final Map<String, Records> byPath = new HashMap<>();

    /** Starts from what the tables hold, so a note that is broken when watching starts keeps its live version. */
    public LastGoodNotes(Collection<Thesis> theses, Collection<Implication> implications, Collection<Entity> entities) {
        remember(theses, implications, entities);
    }

    /**
     * The vault to publish: every note without an error as read now, every note with an error as it
     * was last good (or absent, when it never was); problems and explanations as read.
     */
    public Vault publishable(Vault read) {
        Set<String> broken = read.errors().stream().map(p -> path(p.file())).collect(Collectors.toSet());
        List<Thesis> theses = keep(read.theses(), Thesis::getSourcePath, broken);
        List<Implication> implications = keep(read.implications(), Implication::getSourcePath, broken);
        List<Entity> entities = keep(read.entities(), Entity::getSourcePath, broken);
        byPath.keySet().removeIf(p -> !broken.contains(p)); // good notes are remembered afresh below, deleted ones forgotten
        remember(theses, implications, entities);
        Set<String> ids = new HashSet<>();
        theses.forEach(t -> ids.add(t.getId()));
        entities.forEach(e -> ids.add(e.getId()));
        for (String path : broken) {
            Records last = byPath.get(path);
            if (last == null) {
                continue;
            }
            // a good note that took the broken note's id (a rename) wins over the old version
            Set<String> restored = new HashSet<>();
            last.theses().stream().filter(t -> !ids.contains(t.getId())).forEach(t -> {
                theses.add(t);
                restored.add(t.getId());
            });
            last.entities().stream().filter(e -> !ids.contains(e.getId())).forEach(entities::add);
            last.implications().stream().filter(i -> restored.contains(i.getFromThesis())).forEach(implications::add);
        }
        return new Vault(theses, implications, entities, read.problems(), read.explanations());
    }

    private static <T> List<T> keep(List<T> records, Function<T, String> path, Set<String> broken) {
        return records.stream().filter(r -> !broken.contains(path.apply(r))).collect(Collectors.toCollection(ArrayList::new));
    }

    private void remember(Collection<Thesis> theses, Collection<Implication> implications, Collection<Entity> entities) {
        Map<String, List<Thesis>> t = theses.stream().collect(Collectors.groupingBy(Thesis::getSourcePath));
        Map<String, List<Implication>> i = implications.stream().collect(Collectors.groupingBy(Implication::getSourcePath));
        Map<String, List<Entity>> e = entities.stream().collect(Collectors.groupingBy(Entity::getSourcePath));
        Set<String> paths = new HashSet<>(t.keySet());
        paths.addAll(i.keySet());
        paths.addAll(e.keySet());
        for (String p : paths) {
            byPath.put(p, new Records(t.getOrDefault(p, List.of()), i.getOrDefault(p, List.of()), e.getOrDefault(p, List.of())));
        }
    }

    private static String path(Path file) {
        return file.toString().replace('\\', '/');
    }
}
