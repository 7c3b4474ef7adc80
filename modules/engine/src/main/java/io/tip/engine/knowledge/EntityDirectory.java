package io.tip.engine.knowledge;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tip.model.Entity;
import io.tip.notes.rule.Party;

/**
 * Resolves the names events use (NVIDIA, Nvidia Corp, AWS) to entities with all their names and
 * tags. Written by the global-table thread, read by the stream threads.
 */
public final class EntityDirectory {
    private final Map<String, Party> byName = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> namesById = new ConcurrentHashMap<>();

    public void put(Entity entity) {
        remove(entity.getId());
        Set<String> names = new LinkedHashSet<>();
        names.add(lower(entity.getName()));
        entity.getAliases().forEach(a -> names.add(lower(a)));
        Set<String> tags = new LinkedHashSet<>();
        entity.getTags().forEach(t -> tags.add(lower(t)));
        Party party = new Party(Set.copyOf(names), Set.copyOf(tags));
        names.forEach(n -> byName.put(n, party));
        namesById.put(entity.getId(), names);
    }

    public void remove(String entityId) {
        Set<String> old = namesById.remove(entityId);
        if (old != null) {
            old.forEach(byName::remove);
        }
    }

    /** An unknown name stays as given: it still matches rules that spell it the same way. */
    public Party resolve(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = lower(name.trim());
        Party known = byName.get(key);
        return known != null ? known : new Party(Set.of(key), Set.of());
    }

    public int size() {
        return namesById.size();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
