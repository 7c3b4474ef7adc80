package io.tip.engine.internal.knowledge;

import io.tip.model.Entity;
import io.tip.model.EventType;
import io.tip.model.MarketEvent;
import io.tip.rules.EventFacts;
import io.tip.rules.Rule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Events name entities by any alias; rules see every name and tag of the entity. */
class EntityDirectoryTest {
    private final EntityDirectory directory = EntityDirectory.of(List.of(
            Entity.newBuilder().setId("amazon").setName("Amazon").setAliases(List.of("AWS", "Amazon Web Services"))
                    .setTags(List.of("hyperscaler")).build(),
            Entity.newBuilder().setId("groq").setName("Groq").setTags(List.of("Inference-Specialist")).build()));

    @Test
    void anEventByAnAliasSeesTheWholeEntity() {
        // given an event that names Amazon by an alias, and a target nobody wrote a note for
        MarketEvent event = MarketEvent.newBuilder().setId("e1").setType(EventType.DISCONTINUATION).setActor("aws")
                .setTarget("Annapurna Labs").setOccurredAt(Instant.parse("2024-12-03T00:00:00Z"))
                .setHeadline("AWS discontinues Inferentia").setTags(List.of("Inference")).build();
        // when it is turned into facts
        EventFacts facts = directory.facts(event);
        // then the actor carries every name and tag of Amazon, the target just its own name
        assertThat(facts.type()).isEqualTo("DISCONTINUATION");
        assertThat(facts.actor().names()).containsExactlyInAnyOrder("amazon", "aws", "amazon web services");
        assertThat(facts.actor().tags()).containsExactly("hyperscaler");
        assertThat(facts.target().names()).containsExactly("annapurna labs");
        assertThat(facts.tags()).containsExactly("inference");
        assertThat(Rule.parse("type=discontinuation and actor=Amazon and actor.tag=hyperscaler").matches(facts)).isTrue();
        assertThat(Rule.parse("actor=\"Amazon Web Services\"").matches(facts)).isTrue();
    }

    @Test
    void findsByIdNameOrAliasIgnoringCase() {
        assertThat(directory.find("AMAZON WEB SERVICES")).map(Entity::getId).contains("amazon");
        assertThat(directory.find("groq")).map(Entity::getId).contains("groq");
        assertThat(directory.find("Cerebras")).isEmpty();
        assertThat(directory.party("GROQ").tags()).isEqualTo(Set.of("inference-specialist"));
    }
}
