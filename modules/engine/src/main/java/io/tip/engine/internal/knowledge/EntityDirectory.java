package io.tip.engine.internal.knowledge;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tip.model.Entity;
import io.tip.model.MarketEvent;
import io.tip.rules.EventFacts;
import io.tip.rules.Party;

/**
 * Resolves the names events use (any alias or id, any case) to entities, and turns events into
 * {@link EventFacts}. Updated while it is read — the pipeline's global-table thread writes, stream
 * threads read — so it is safe for concurrent use; each entity's {@link Party} is built once, on put.
 */
public final class EntityDirectory {
    private record Known(Entity entity, Party party) {
    }

    private final Map<String, Known> byName = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> namesById = new ConcurrentHashMap<>();

    public static EntityDirectory of(Collection<Entity> entities) {
        EntityDirectory directory = new EntityDirectory();
        entities.forEach(directory::put);
        return directory;
    }

    /** Adds or replaces an entity; a name two entities share resolves to the one put last. */
    public void put(Entity entity) {
        remove(entity.getId());
        Party party = Party.of(entity);
        Known known = new Known(entity, party);
        Set<String> names = party.names();
        names.forEach(n -> byName.put(n, known));
        namesById.put(entity.getId(), names);
    }

    public void remove(String entityId) {
        Set<String> old = namesById.remove(entityId);
        if (old != null) {
            old.forEach(byName::remove);
        }
    }

    /** The entity the name refers to: its id, canonical name or one of its aliases, ignoring case. */
    public Optional<Entity> find(String name) {
        Known known = byName.get(name.strip().toLowerCase(Locale.ROOT));
        return known == null ? Optional.empty() : Optional.of(known.entity());
    }

    /** The party as rules see it: all names and tags of the entity, or just the name when unknown. */
    public Party party(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        Known known = byName.get(key);
        return known != null ? known.party() : new Party(Set.of(key), Set.of());
    }

    public EventFacts facts(MarketEvent event) {
        return EventFacts.of(event, this::party);
    }

    public int size() {
        return namesById.size();
    }
}
