package io.tip.engine.internal.knowledge;

import io.tip.engine.internal.knowledge.EntityDirectory;

/**
 * What the topology knows besides the events: theses (with their signal index), implications and
 * entities, kept in memory beside the global stores they are loaded from.
 */
public final class KnowledgeBase {
    private final ThesisIndex theses = new ThesisIndex();
    private final ImplicationGraph implications = new ImplicationGraph();
    private final EntityDirectory entities = new EntityDirectory();

    public ThesisIndex theses() { return theses; }
    public ImplicationGraph implications() { return implications; }
    public EntityDirectory entities() { return entities; }
}
