package io.tip.engine.internal.knowledge;

import java.util.List;

import io.tip.engine.internal.route.SubscriptionIndex;
import io.tip.model.ThesisImpact;

/**
 * What the topology knows besides the events: theses (with their signal index), implications,
 * entities and the analysts' subscriptions, kept in memory beside the global stores they are loaded from.
 */
public final class KnowledgeBase {
    private final ThesisIndex theses = new ThesisIndex();
    private final ImplicationGraph implications = new ImplicationGraph();
    private final EntityDirectory entities = new EntityDirectory();
    private final SubscriptionIndex subscriptions = new SubscriptionIndex();

    public ThesisIndex theses() { return theses; }
    public ImplicationGraph implications() { return implications; }
    public EntityDirectory entities() { return entities; }
    public SubscriptionIndex subscriptions() { return subscriptions; }

    /** The subscriptions an impact goes to, by name; the thesis's tags come from its note. */
    public List<String> subscribers(ThesisImpact impact) {
        if (subscriptions.size() == 0) {
            return List.of();
        }
        CompiledThesis thesis = theses.get(impact.getThesisId());
        return subscriptions.route(impact, thesis == null ? List.of() : thesis.thesis().getTags());
    }
}
