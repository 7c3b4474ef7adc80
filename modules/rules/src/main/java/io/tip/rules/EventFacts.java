package io.tip.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.tip.model.MarketEvent;

/**
 * What a rule can see of a market event, with its actor and target already resolved to entities.
 * Everything is normalized on construction (type as {@code PRODUCT_LAUNCH}, names and tags
 * lower-case), so rules compare plain strings.
 *
 * @param target     null when the event has no target
 * @param amountUsd  null when the event has no amount
 * @param source     null when the event names none
 * @param attributes the event's free attributes, as sent (rules compare keys and values ignoring case)
 */
public record EventFacts(String type, Party actor, Party target, Set<String> tags, Long amountUsd, String headline,
                         List<String> products, String source, Map<String, String> attributes) {
    public EventFacts {
        type = normalizeType(Objects.requireNonNull(type, "type"));
        Objects.requireNonNull(actor, "actor");
        tags = Party.lowerCase(tags);
        headline = headline == null ? "" : headline;
        products = products == null ? List.of() : products;
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** An event with no products, source or attributes. */
    public EventFacts(String type, Party actor, Party target, Set<String> tags, Long amountUsd, String headline) {
        this(type, actor, target, tags, amountUsd, headline, List.of(), null, Map.of());
    }

    /** The facts of an event, its actor and target resolved to parties by {@code parties} (a name as the event gives it). */
    public static EventFacts of(MarketEvent event, Function<String, Party> parties) {
        return new EventFacts(event.getType().name(), parties.apply(event.getActor()),
                event.getTarget() == null ? null : parties.apply(event.getTarget()),
                new HashSet<>(event.getTags()), event.getAmountUsd(), event.getHeadline(),
                event.getProducts(), event.getSource(), event.getAttributes());
    }

    /**
     * Obsidian's nested tags: {@code semis/memory} is also tagged {@code semis}. True when a tag of
     * {@code tags} is {@code wanted} or lies under it.
     */
    public static boolean hasTag(Set<String> tags, String wanted) {
        if (tags.contains(wanted)) {
            return true;
        }
        for (String tag : tags) {
            if (tag.length() > wanted.length() && tag.charAt(wanted.length()) == '/' && tag.startsWith(wanted)) {
                return true;
            }
        }
        return false;
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

    /** The index keys of this event: its type, every name of actor and target, every tag it carries and every tag above those. */
    public Set<Anchor> keys() {
        Set<Anchor> keys = new HashSet<>();
        keys.add(Anchor.type(type));
        actor.names().forEach(n -> keys.add(Anchor.entity(n)));
        if (target != null) {
            target.names().forEach(n -> keys.add(Anchor.entity(n)));
        }
        for (String tag : allTags()) {
            keys.add(Anchor.tag(tag));
            for (int slash = tag.lastIndexOf('/'); slash > 0; slash = tag.lastIndexOf('/', slash - 1)) {
                keys.add(Anchor.tag(tag.substring(0, slash)));
            }
        }
        return keys;
    }
}
