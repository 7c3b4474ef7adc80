package io.tip.rules;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.tip.model.Entity;

/**
 * The actor or target of an event as the rules see it: every name it goes by (canonical name and
 * aliases) and its entity tags, all lower-cased.
 */
public record Party(Set<String> names, Set<String> tags) {
    public Party {
        names = lowerCase(names);
        tags = lowerCase(tags);
    }

    /** An entity as rules see it: its id, canonical name and aliases, and its tags. */
    public static Party of(Entity entity) {
        return new Party(Set.copyOf(names(entity)), Set.copyOf(entity.getTags()));
    }

    /** Every name an entity goes by, lower-case: its id, canonical name and aliases. */
    public static Set<String> names(Entity entity) {
        Set<String> names = new HashSet<>();
        names.add(entity.getId().toLowerCase(Locale.ROOT));
        names.add(entity.getName().toLowerCase(Locale.ROOT));
        entity.getAliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
        return names;
    }

    /** An entity the vault knows nothing about: just the name as the event gave it. */
    public static Party unknown(String name) {
        return new Party(Set.of(name), Set.of());
    }

    /**
     * Called for every event: values that are lower-case already (the usual case) are kept as given,
     * not copied — callers hand over sets they no longer change.
     */
    static Set<String> lowerCase(Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        for (String v : values) {
            if (!v.equals(v.toLowerCase(Locale.ROOT))) {
                return values.stream().map(x -> x.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            }
        }
        return values;
    }
}
