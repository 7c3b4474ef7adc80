package io.tip.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tip.bench.workload.EventGenerator;
import io.tip.bench.workload.EventMix;
import io.tip.bench.workload.SyntheticVault;
import io.tip.bench.workload.VaultGenerator;
import io.tip.engine.EngineConfig;
import io.tip.engine.internal.impact.ImpactFinder;
import io.tip.engine.internal.knowledge.KnowledgeBase;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;

/** The generators keep their promises, measured with the engine's own matcher. */
class WorkloadTest {
    private static final Instant WHEN = Instant.parse("2025-06-01T00:00:00Z");
    private static final int THESES = 2_000;
    private static final int EVENTS = 40_000;

    @Test
    void events_match_at_the_promised_rates_and_about_one_percent_are_resent() {
        // Given a vault and events generated with the default mix
        SyntheticVault vault = new VaultGenerator(7).generate(THESES);
        ImpactFinder finder = new ImpactFinder(load(vault), new EngineConfig(Map.of()));
        EventGenerator events = new EventGenerator(THESES, EventMix.DEFAULT, 7, "evt", WHEN);

        // When every new event is matched by the engine
        Set<String> ids = new HashSet<>();
        int resent = 0, moved = 0, movedFiveOrMore = 0, fresh = 0;
        for (int n = 0; n < EVENTS; n++) {
            MarketEvent event = events.next();
            if (!ids.add(event.getId())) {
                resent++;
                continue;
            }
            fresh++;
            List<ThesisImpact> impacts = finder.find(event);
            moved += impacts.isEmpty() ? 0 : 1;
            movedFiveOrMore += impacts.size() >= 5 ? 1 : 0;
        }

        // Then the shares are the promised ones
        assertThat((double) moved / fresh).isCloseTo(0.20, within(0.01));
        assertThat((double) movedFiveOrMore / fresh).isCloseTo(0.02, within(0.004));
        assertThat((double) resent / EVENTS).isCloseTo(0.01, within(0.003));
    }

    @Test
    void the_same_seed_gives_the_same_vault_and_events() {
        assertThat(new VaultGenerator(3).generate(100)).isEqualTo(new VaultGenerator(3).generate(100));
        EventGenerator a = new EventGenerator(100, EventMix.DEFAULT, 3, "e", WHEN);
        EventGenerator b = new EventGenerator(100, EventMix.DEFAULT, 3, "e", WHEN);
        for (int n = 0; n < 1_000; n++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void the_vault_has_aliases_chains_cycles_and_notes_without_signals() {
        SyntheticVault vault = new VaultGenerator(1).generate(100);

        assertThat(vault.entities()).allSatisfy(e -> assertThat(e.getAliases()).isNotEmpty());
        assertThat(vault.theses()).anySatisfy(t -> assertThat(t.getSignals()).isEmpty());
        assertThat(vault.implications()).anySatisfy(i -> assertThat(i.getTo()).as("a cycle back to the chain's start").isEqualTo("thesis-0"));
        assertThat(vault.implications()).anySatisfy(i -> assertThat(i.getTo()).as("a plain topic").isEqualTo("chip-design"));
    }

    static KnowledgeBase load(SyntheticVault vault) {
        KnowledgeBase knowledge = new KnowledgeBase();
        vault.entities().forEach(knowledge.entities()::put);
        vault.theses().forEach(knowledge.theses()::put);
        vault.implications().forEach(knowledge.implications()::put);
        return knowledge;
    }
}
