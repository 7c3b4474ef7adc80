package io.tip.notes;

import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Thesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code tip load} must send so the tables hold exactly the vault: new records, changed
 * records, and tombstones for records whose note is gone. Unchanged records are not re-sent.
 */
public final class VaultSync {
    private VaultSync() {
    }

    /**
     * What the tables hold now.
     *
     * @param thesisVersions thesis id -> content version (a thesis changes exactly when its note does)
     */
    public record Published(Map<String, String> thesisVersions, Map<String, Implication> implications,
                            Map<String, Entity> entities) {
        public Published {
            thesisVersions = Map.copyOf(thesisVersions);
            implications = Map.copyOf(implications);
            entities = Map.copyOf(entities);
        }

        public static Published empty() {
            return new Published(Map.of(), Map.of(), Map.of());
        }

        /** What the tables hold once this vault is published. */
        public static Published of(Vault vault) {
            return new Published(
                    vault.theses().stream().collect(Collectors.toMap(Thesis::getId, Thesis::getVersion)),
                    vault.implications().stream().collect(Collectors.toMap(Implication::getId, Function.identity())),
                    vault.entities().stream().collect(Collectors.toMap(Entity::getId, Function.identity())));
        }
    }

    /** The records of one table to add, to change, and the ids to remove (tombstone). */
    public record Changes<T>(List<T> added, List<T> changed, List<String> removed) {
        public Changes {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }
    }

    public record Plan(Changes<Thesis> theses, Changes<Implication> implications, Changes<Entity> entities) {
        public boolean isEmpty() {
            return theses.isEmpty() && implications.isEmpty() && entities.isEmpty();
        }
    }

    public static Plan plan(Published current, Vault desired) {
        return new Plan(
                changes(desired.theses(), Thesis::getId, current.thesisVersions(), (t, version) -> t.getVersion().equals(version)),
                changes(desired.implications(), Implication::getId, current.implications(), Objects::equals),
                changes(desired.entities(), Entity::getId, current.entities(), Objects::equals));
    }

    private static <T, P> Changes<T> changes(List<T> desired, Function<T, String> id, Map<String, P> published,
                                             BiPredicate<T, P> same) {
        List<T> added = new ArrayList<>();
        List<T> changed = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (T record : desired) {
            String key = id.apply(record);
            kept.add(key);
            if (!published.containsKey(key)) {
                added.add(record);
            } else if (!same.test(record, published.get(key))) {
                changed.add(record);
            }
        }
        List<String> removed = published.keySet().stream().filter(k -> !kept.contains(k)).sorted().toList();
        return new Changes<>(added, changed, removed);
    }
}
