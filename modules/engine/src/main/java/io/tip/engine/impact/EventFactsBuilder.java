package io.tip.engine.impact;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tip.engine.knowledge.EntityDirectory;
import io.tip.model.MarketEvent;
import io.tip.notes.rule.EventFacts;
import io.tip.notes.rule.Party;

/** Turns an event into what rules are evaluated against: entities resolved, tags and type normalized. */
final class EventFactsBuilder {
    private final EntityDirectory entities;

    EventFactsBuilder(EntityDirectory entities) {
        this.entities = entities;
    }

    EventFacts facts(MarketEvent event) {
        Set<String> tags = new HashSet<>();
        event.getTags().forEach(t -> tags.add(t.toLowerCase(Locale.ROOT)));
        return new EventFacts(event.getType().name(), entities.resolve(event.getActor()), entities.resolve(event.getTarget()),
                tags, event.getAmountUsd(), event.getHeadline());
    }

    static List<Party> parties(EventFacts facts) {
        return facts.target() == null ? List.of(facts.actor()) : List.of(facts.actor(), facts.target());
    }
}
