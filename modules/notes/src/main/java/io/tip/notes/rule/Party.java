package io.tip.notes.rule;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The actor or target of an event as the rules see it: every name it goes by (canonical name and
 * aliases) and its entity tags, all lower-cased.
 */
public record Party(Set<String> names, Set<String> tags) {
    public Party {
        names = lowerCase(names);
        tags = lowerCase(tags);
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
