package io.tip.it;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** "Each of these ids exactly once", in the shape {@link CommittedTopic#countBy} returns. */
final class ReferenceCounts {
    private ReferenceCounts() {
    }

    static Map<String, Integer> ones(Collection<String> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> 1));
    }
}
