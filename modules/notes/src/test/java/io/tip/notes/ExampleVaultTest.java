package io.tip.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Polarity;
import io.tip.model.Signal;
import io.tip.model.Thesis;
import io.tip.rules.EventFacts;
import io.tip.rules.Party;
import io.tip.rules.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** The example vault and events that {@code tip demo} loads. */
class ExampleVaultTest {
    private static final Path EXAMPLES = Path.of("../../examples");
    private static Vault vault;

    @BeforeAll
    static void readExampleVault() throws Exception {
        vault = Vault.read(EXAMPLES.resolve("vault"));
    }

    @Test
    void lintsWithoutErrors() {
        assertThat(vault.errors()).isEmpty();
        // the seed links a roadmap note nobody has written yet: a warning, not an error
        assertThat(vault.problems()).map(Problem::toString).containsExactly(
                "Training-inference convergence.md:81: warning: [[Hyperscaler chip roadmap]] links to no note in the vault (create it, or fix the name)");
    }

    @Test
    void longBroadcomCounterArgumentsHoldOnlyItsCounterArguments() {
        // not its trailing *Updated 2025-12-30* and Related: lines, as before issue 10
        assertThat(thesis("long-broadcom").getCounterArguments())
                .containsExactly("Hyperscalers can take ASIC design in-house or move to cheaper design partners.");
        assertThat(thesis("long-broadcom").getUpdated()).isEqualTo("2025-12-30");
        assertThat(thesis("long-broadcom").getRelated()).containsExactly("Broadcom", "Google");
    }

    @Test
    void seedNoteIsTheSeedWithSignalsAppended() throws Exception {
        String seed = Files.readString(Path.of("src/test/resources/seed/Training-inference convergence.md"));
        String example = Files.readString(EXAMPLES.resolve("vault/Training-inference convergence.md"));
        assertThat(example).startsWith(seed).contains("## Signals");
    }

    @Test
    void recordsTheEngineNeeds() {
        assertThat(vault.theses()).extracting(Thesis::getId)
                .containsExactlyInAnyOrder("training-inference-convergence", "long-broadcom", "inference-economics");
        Thesis seed = thesis("training-inference-convergence");
        assertThat(seed.getSignals()).hasSizeGreaterThanOrEqualTo(2).extracting(Signal::getStance, Signal::getRule)
                .contains(tuple(io.tip.model.Stance.CHALLENGES, "type=acquisition and target.tag=inference-specialist"),
                        tuple(io.tip.model.Stance.SUPPORTS, "type=discontinuation and actor=Amazon"));
        assertThat(vault.entities()).extracting(Entity::getId, Entity::getAliases, Entity::getTags).containsExactlyInAnyOrder(
                tuple("amazon", List.of("AWS", "Amazon Web Services"), List.of("hyperscaler")),
                tuple("broadcom", List.of("AVGO"), List.of("chips", "custom-silicon", "company")),
                tuple("google", List.of("Alphabet", "GOOGL"), List.of("hyperscaler")),
                tuple("groq", List.of(), List.of("inference-specialist", "chips")),
                tuple("nvidia", List.of("NVDA", "Nvidia Corporation"), List.of("chips", "gpu")));
        assertThat(vault.implications()).filteredOn(i -> i.getTo().equals("long-broadcom") || i.getTo().equals("inference-economics"))
                .extracting(Implication::getFromThesis, Implication::getPolarity)
                .containsOnly(tuple("training-inference-convergence", Polarity.REVIEW)).hasSize(2);
        // the Groq deal must reach these two only through the seed's implications
        assertThat(thesis("long-broadcom").getEntities()).doesNotContain("NVIDIA", "Groq");
        assertThat(thesis("inference-economics").getEntities()).doesNotContain("NVIDIA", "Groq");
    }

    @Test
    void exampleEventsFireTheIntendedSignals() throws Exception {
        // given the example events, resolved against the vault's entities
        Map<String, Party> directory = new HashMap<>();
        vault.entities().forEach(e -> Party.names(e).forEach(n -> directory.put(n, Party.of(e))));
        Map<String, List<String>> fired = new LinkedHashMap<>();
        for (String line : Files.readAllLines(EXAMPLES.resolve("events.jsonl"))) {
            JsonNode event = new ObjectMapper().readTree(line);
            EventFacts facts = facts(event, directory);
            // when every signal of every thesis is tried
            List<String> hits = new ArrayList<>();
            for (Thesis thesis : vault.theses()) {
                for (Signal signal : thesis.getSignals()) {
                    if (Rule.parse(signal.getRule()).matches(facts)) {
                        hits.add(thesis.getId() + " " + signal.getStance());
                    }
                }
            }
            fired.put(event.get("id").asText(), hits);
        }
        // then each event moves the thesis it is meant to, and the last two reach no thesis
        assertThat(fired).containsExactly(
                entry("evt-aws-inferentia", List.of("training-inference-convergence SUPPORTS")),
                entry("evt-nvda-b200", List.of("training-inference-convergence SUPPORTS")),
                entry("evt-google-ironwood", List.of("training-inference-convergence SUPPORTS")),
                entry("evt-nvda-groq", List.of("training-inference-convergence CHALLENGES")),
                entry("evt-avgo-openai", List.of("long-broadcom SUPPORTS")),
                entry("evt-maersk-capacity", List.of()),
                entry("evt-novo-earnings", List.of()));
    }

    private static EventFacts facts(JsonNode event, Map<String, Party> directory) {
        List<String> tags = new ArrayList<>();
        event.get("tags").forEach(t -> tags.add(t.asText()));
        return new EventFacts(event.get("type").asText(), party(directory, event.get("actor").asText()),
                event.hasNonNull("target") ? party(directory, event.get("target").asText()) : null,
                new HashSet<>(tags), event.hasNonNull("amountUsd") ? event.get("amountUsd").asLong() : null,
                event.get("headline").asText());
    }

    private static Party party(Map<String, Party> directory, String name) {
        return directory.getOrDefault(name.toLowerCase(Locale.ROOT), Party.unknown(name.toLowerCase(Locale.ROOT)));
    }

    private static Thesis thesis(String id) {
        return vault.theses().stream().filter(t -> t.getId().equals(id)).findFirst().orElseThrow();
    }
}
