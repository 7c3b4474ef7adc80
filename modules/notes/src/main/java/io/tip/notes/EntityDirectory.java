package io.tip.notes;

import io.tip.model.Entity;
import io.tip.model.MarketEvent;
import io.tip.notes.rule.EventFacts;
import io.tip.notes.rule.Party;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Resolves the names events use (any alias, any case) to entities, and turns events into {@link EventFacts}. */
public final class EntityDirectory {
    private final Map<String, Entity> byName = new HashMap<>();

    private EntityDirectory(Collection<Entity> entities) {
        for (Entity entity : entities) {
            names(entity).forEach(n -> byName.putIfAbsent(n, entity));
        }
    }

    public static EntityDirectory of(Collection<Entity> entities) {
        return new EntityDirectory(entities);
    }

    /** The entity the name refers to: its id, canonical name or one of its aliases, ignoring case. */
    public Optional<Entity> find(String name) {
        return Optional.ofNullable(byName.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The party as rules see it: all names and tags of the entity, or just the name when unknown. */
    public Party party(String name) {
        return find(name).map(e -> new Party(names(e), new HashSet<>(e.getTags()))).orElseGet(() -> Party.unknown(name.strip()));
    }

    public EventFacts facts(MarketEvent event) {
        return new EventFacts(event.getType().name(), party(event.getActor()),
                event.getTarget() == null ? null : party(event.getTarget()),
                new HashSet<>(event.getTags()), event.getAmountUsd(), event.getHeadline());
    }

    private static Set<String> names(Entity entity) {
        Set<String> names = new HashSet<>();
        names.add(entity.getId().toLowerCase(Locale.ROOT));
        names.add(entity.getName().toLowerCase(Locale.ROOT));
        entity.getAliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
        return names;
    }
}
