package io.tip.engine.internal.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tip.model.Implication;

/** Implications by the thesis they start from, for propagation. */
public final class ImplicationGraph {
    private final Map<String, Map<String, Implication>> byFrom = new ConcurrentHashMap<>();
    private final Map<String, String> fromById = new ConcurrentHashMap<>();

    public void put(Implication implication) {
        remove(implication.getId());
        byFrom.computeIfAbsent(implication.getFromThesis(), k -> new ConcurrentHashMap<>()).put(implication.getId(), implication);
        fromById.put(implication.getId(), implication.getFromThesis());
    }

    public void remove(String implicationId) {
        String from = fromById.remove(implicationId);
        if (from != null) {
            Map<String, Implication> out = byFrom.get(from);
            if (out != null) {
                out.remove(implicationId);
            }
        }
    }

    public Collection<Implication> from(String thesisId) {
        Map<String, Implication> out = byFrom.get(thesisId);
        return out == null ? List.of() : out.values();
    }

    public int size() {
        return fromById.size();
    }
}
