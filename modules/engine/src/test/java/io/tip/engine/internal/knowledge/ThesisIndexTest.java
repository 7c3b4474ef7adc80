package io.tip.engine.internal.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tip.model.Signal;
import io.tip.model.Stance;
import io.tip.model.Thesis;
import io.tip.rules.Anchor;

/** The index hands matching each signal an event could fire, once, and keeps only what matching reads of a thesis. */
class ThesisIndexTest {
    private final ThesisIndex index = new ThesisIndex();

    @Test
    void aSignalReachedThroughTwoOfTheEventsKeysIsACandidateOnce() {
        // given a rule anchored on an entity or a tag, and a rule anchored on the tag alone
        index.put(thesis("both", "target=Groq or tag=inference"));
        index.put(thesis("tag-only", "tag=inference"));
        index.put(thesis("elsewhere", "target=Cerebras"));

        // when an event carries both the entity and the tag
        var candidates = index.candidates(Set.of(Anchor.entity("groq"), Anchor.tag("inference"), Anchor.type("ACQUISITION")));

        // then each signal that could fire is there once, and no other
        assertThat(candidates).extracting(CompiledSignal::thesisId).containsExactlyInAnyOrder("both", "tag-only");
    }

    @Test
    void aRuleWithoutAnchorsIsACandidateForEveryEvent() {
        // given one rule on an entity and one on the amount alone (no anchor)
        index.put(thesis("groq", "target=Groq"));
        index.put(thesis("big", "amount>=1B"));

        // when events hit the entity's posting list, or no list at all
        var hit = index.candidates(Set.of(Anchor.entity("groq")));
        var miss = index.candidates(Set.of(Anchor.entity("nobody")));

        // then the unanchored rule is tried on both
        assertThat(hit).extracting(CompiledSignal::thesisId).containsExactlyInAnyOrder("groq", "big");
        assertThat(miss).extracting(CompiledSignal::thesisId).containsExactly("big");
    }

    @Test
    void theIndexKeepsWhatImpactsNameAndDropsTheRestOfTheNote() {
        // given a note with a summary, aliases, tags and its place in the vault
        Thesis full = Thesis.newBuilder(thesis("t", "target=Groq")).setSummary("a long statement").setAliases(List.of("T"))
                .setTags(List.of("semis")).setSourcePath("theses/t.md").setSourceLine(3).setVersion("abc").build();

        // when it is indexed
        index.put(full);
        Thesis kept = index.get("t").thesis();

        // then impacts still get its title, version, tags and place, and the index holds none of the rest
        assertThat(kept.getTitle()).isEqualTo(full.getTitle());
        assertThat(kept.getVersion()).isEqualTo("abc");
        assertThat(kept.getTags()).containsExactly("semis");
        assertThat(kept.getSourcePath()).isEqualTo("theses/t.md");
        assertThat(kept.getSourceLine()).isEqualTo(3);
        assertThat(kept.getSummary()).isEmpty();
        assertThat(kept.getAliases()).isEmpty();
        assertThat(kept.getSignals()).isEmpty();
        assertThat(index.get("t").signals()).hasSize(1);
    }

    private static Thesis thesis(String id, String rule) {
        return Thesis.newBuilder().setId(id).setTitle("Thesis " + id)
                .setSignals(List.of(Signal.newBuilder().setStance(Stance.SUPPORTS).setRule(rule).setLine(5).build())).build();
    }
}
