package io.tip.engine.internal.route;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.tip.model.Stance;
import io.tip.model.Subscription;
import io.tip.model.ThesisImpact;

/**
 * Every subscription, indexed by the thesis ids and tags it selects, so routing one impact looks
 * only at the subscriptions that name its thesis or one of its tags (plus those that select every
 * thesis), not at all of them. Written by the global-table thread, read by the stream threads.
 */
public final class SubscriptionIndex {
    private final Map<String, Subscription> byName = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byThesis = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byTag = new ConcurrentHashMap<>();
    private final Set<String> everyThesis = ConcurrentHashMap.newKeySet();

    public void put(Subscription subscription) {
        remove(subscription.getName());
        String name = subscription.getName();
        byName.put(name, subscription);
        if (selectsEveryThesis(subscription)) {
            everyThesis.add(name);
        }
        subscription.getTheses().forEach(id -> byThesis.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(name));
        subscription.getTags().forEach(tag -> byTag.computeIfAbsent(normal(tag), k -> ConcurrentHashMap.newKeySet()).add(name));
    }

    public void remove(String name) {
        Subscription old = byName.remove(name);
        if (old == null) {
            return;
        }
        everyThesis.remove(name);
        old.getTheses().forEach(id -> drop(byThesis, id, name));
        old.getTags().forEach(tag -> drop(byTag, normal(tag), name));
    }

    public int size() {
        return byName.size();
    }

    /**
     * The subscriptions this impact goes to, by name (sorted, each once).
     *
     * @param thesisTags the impacted thesis's tags (lower case)
     */
    public List<String> route(ThesisImpact impact, Collection<String> thesisTags) {
        if (byName.isEmpty()) {
            return List.of();
        }
        Set<String> selected = new TreeSet<>(everyThesis);
        Set<String> named = byThesis.get(impact.getThesisId());
        if (named != null) {
            selected.addAll(named);
        }
        for (String tag : thesisTags) {
            Set<String> tagged = byTag.get(tag);
            if (tagged != null) {
                selected.addAll(tagged);
            }
        }
        selected.removeIf(name -> {
            Subscription s = byName.get(name);
            return s == null || !wants(s, impact);
        });
        return List.copyOf(selected);
    }

    /** The filters besides thesis and tag: stance, minimum magnitude, maximum order. */
    static boolean wants(Subscription s, ThesisImpact impact) {
        List<Stance> stances = s.getStances();
        return (stances.isEmpty() || stances.contains(impact.getStance()))
                && impact.getMagnitude() >= s.getMinMagnitude()
                && (s.getMaxOrder() <= 0 || impact.getOrder() <= s.getMaxOrder());
    }

    private static boolean selectsEveryThesis(Subscription s) {
        return s.getTheses().isEmpty() && s.getTags().isEmpty();
    }

    private static void drop(Map<String, Set<String>> index, String key, String name) {
        Set<String> names = index.get(key);
        if (names != null) {
            names.remove(name);
        }
    }

    private static String normal(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }
}
