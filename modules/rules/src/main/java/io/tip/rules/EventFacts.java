package io.tip.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.tip.model.MarketEvent;

/**
 * What a rule can see of a market event, with its actor and target already resolved to entities.
 * Everything is normalized on construction (type as {@code PRODUCT_LAUNCH}, names and tags
 * lower-case), so rules compare plain strings.
 *
 * @param target   null when the event has no target
 * @param amountUsd null when the event has no amount
 */
public record EventFacts(String type, Party actor, Party target, Set<String> tags, Long amountUsd, String headline) {
    public EventFacts {
        type = normalizeType(Objects.requireNonNull(type, "type"));
        Objects.requireNonNull(actor, "actor");
        tags = Party.lowerCase(tags);
        headline = headline == null ? "" : headline;
    }

    /** The facts of an event, its actor and target resolved to parties by {@code parties} (a name as the event gives it). */
    public static EventFacts of(MarketEvent event, Function<String, Party> parties) {
        return new EventFacts(event.getType().name(), parties.apply(event.getActor()),
                event.getTarget() == null ? null : parties.apply(event.getTarget()),
                new HashSet<>(event.getTags()), event.getAmountUsd(), event.getHeadline());
    }

    /** {@code product-launch}, {@code Product Launch}, {@code product_launch} all become {@code PRODUCT_LAUNCH}. */
    public static String normalizeType(String type) {
        if (isNormalized(type)) {
            return type; // every event's type is an enum name already: skip the regex
        }
        return type.trim().toUpperCase(Locale.ROOT).replaceAll("[-_\\s]+", "_");
    }

    private static boolean isNormalized(String type) {
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return !type.isEmpty() && !type.contains("__");
    }

    /** The actor, and the target when there is one. */
    public List<Party> parties() {
        return target == null ? List.of(actor) : List.of(actor, target);
    }

    /** The event's tags plus the actor's and the target's entity tags. */
    public Set<String> allTags() {
        Set<String> all = new HashSet<>(tags);
        all.addAll(actor.tags());
        if (target != null) {
            all.addAll(target.tags());
        }
        return all;
    }

    /** The index keys of this event: its type, every name of actor and target, every tag it carries. */
    public Set<Anchor> keys() {
        Set<Anchor> keys = new HashSet<>();
        keys.add(Anchor.type(type));
        actor.names().forEach(n -> keys.add(Anchor.entity(n)));
        if (target != null) {
            target.names().forEach(n -> keys.add(Anchor.entity(n)));
        }
        allTags().forEach(t -> keys.add(Anchor.tag(t)));
        return keys;
    }
}
