package io.tip.notes;

import io.tip.model.Entity;
import io.tip.model.Evidence;
import io.tip.model.Implication;
import io.tip.model.Polarity;
import io.tip.model.Signal;
import io.tip.model.Stance;
import io.tip.model.Thesis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The note conventions beyond the seed note: front matter, polarity, signals, entity notes. */
class NoteConventionsTest {
    @TempDir
    Path dir;
    TempVault vault;

    @BeforeEach
    void emptyVault() {
        vault = new TempVault(dir);
    }

    @Test
    void frontMatterTagsAndAliasesJoinInlineTags() {
        vault.note("notes/Edge AI.md", "---", "tags: [Concept, \"#edge\"]", "aliases: Edge inference, On-device AI", "---",
                "# Edge AI", "", "Small models run on phones. #Chips and C# and [[Edge AI#Heading]] are not all tags.");
        Thesis thesis = vault.read().theses().get(0);
        assertThat(thesis.getTags()).containsExactly("concept", "edge", "chips");
        assertThat(thesis.getSourcePath()).isEqualTo("notes/Edge AI.md");
        assertThat(thesis.getSourceLine()).isEqualTo(5);
        assertThat(thesis.getSummary()).startsWith("Small models run on phones.");
    }

    @Test
    void titleFallsBackToTheFileName() {
        vault.note("Memory bandwidth wall.md", "#concept", "", "HBM supply limits accelerator output.");
        Thesis thesis = vault.read().theses().get(0);
        assertThat(thesis.getTitle()).isEqualTo("Memory bandwidth wall");
        assertThat(thesis.getId()).isEqualTo("memory-bandwidth-wall");
        assertThat(thesis.getSummary()).isEqualTo("HBM supply limits accelerator output.");
        assertThat(thesis.getSourceLine()).isEqualTo(1);
    }

    @Test
    void polarityMarkers() {
        vault.note("A.md", "# A", "", "## Implications", "",
                "**For [[B thesis|B]] (+):**", "- Same way", "",
                "**For [[C]]:** (-)", "- Opposite way", "",
                "**For plain topic:**", "- Review", "",
                "**For inline:** one statement on the line");
        List<Implication> implications = vault.read().implications();
        assertThat(implications).extracting(Implication::getId, Implication::getTo, Implication::getToName,
                        Implication::getPolarity, Implication::getStatements, Implication::getSourceLine)
                .containsExactly(
                        tuple("a--b-thesis", "b-thesis", "B thesis", Polarity.SAME, List.of("Same way"), 5),
                        tuple("a--c", "c", "C", Polarity.INVERSE, List.of("Opposite way"), 8),
                        tuple("a--plain-topic", "plain-topic", "plain topic", Polarity.REVIEW, List.of("Review"), 11),
                        tuple("a--inline", "inline", "inline", Polarity.REVIEW, List.of("one statement on the line"), 14));
    }

    @Test
    void implicationWeightsFollowThePolarity() {
        vault.note("A.md", "# A", "", "## Implications", "",
                "**For [[B]] (+ 0.5):**", "- Half as strong", "",
                "**For [[C]] (-, weight 0.25):**", "- A quarter, opposite", "",
                "**For chips (2024) (weight 0.8):**", "- Review at 0.8", "",
                "**For [[D]] (+):**", "- Full strength");
        assertThat(vault.read().implications()).extracting(Implication::getToName, Implication::getPolarity, Implication::getWeight)
                .containsExactly(tuple("B", Polarity.SAME, 0.5), tuple("C", Polarity.INVERSE, 0.25),
                        tuple("chips (2024)", Polarity.REVIEW, 0.8), tuple("D", Polarity.SAME, 1.0));
    }

    @Test
    void thesisAliasesComeFromFrontMatter() {
        vault.note("Convergence.md", "---", "aliases: [TIC, Convergence]", "---", "# Training-inference convergence");
        assertThat(vault.read().theses().get(0).getAliases()).containsExactly("TIC", "Convergence");
    }

    @Test
    void aDigestTipWroteIsNeitherThesisNorEntity() {
        vault.note("Impacts/2026-11-30.md", "---", "type: digest", "---", "# Impacts 2026-11-30", "", "## [[Missing thesis]]", "",
                "- CHALLENGED by [[Someone]]")
                .note("T.md", "# T");
        Vault read = vault.read();
        assertThat(read.theses()).extracting(Thesis::getId).containsExactly("t");
        assertThat(read.problems()).as("nothing reported in the digest, e.g. its [[links]] to missing notes")
                .noneMatch(p -> p.file().startsWith("Impacts"));
    }

    @Test
    void signalsWithDefaultWeightAndCodeSpans() {
        vault.note("T.md", "# T", "", "## Signals", "",
                "| Stance | When | Why |", "|---|---|---|",
                "| challenges | `type=acquisition and target.tag=inference-specialist` | Buying a specialist |",
                "| Support | headline~\"price cut\" | Cheaper [[Inference]] |");
        assertThat(vault.read().theses().get(0).getSignals())
                .extracting(Signal::getStance, Signal::getRule, Signal::getWhy, Signal::getWeight, Signal::getLine)
                .containsExactly(
                        tuple(Stance.CHALLENGES, "type=acquisition and target.tag=inference-specialist", "Buying a specialist", 1.0, 7),
                        tuple(Stance.SUPPORTS, "headline~\"price cut\"", "Cheaper Inference", 1.0, 8));
    }

    @Test
    void evidenceStanceColumnAndLinkTargets() {
        vault.note("T.md", "# T", "", "## Evidence", "", "| Company | Action | Date | Stance |", "|---|---|---|---|",
                "| [[Amazon\\|AWS]] | Dropped Inferentia | Dec 2024 | SUPPORTS |", "| Groq | Raised | 2024 | |");
        assertThat(vault.read().theses().get(0).getEvidence())
                .extracting(Evidence::getCompany, Evidence::getAction, Evidence::getDate, Evidence::getStance)
                .containsExactly(tuple("Amazon", "Dropped Inferentia", "Dec 2024", Stance.SUPPORTS),
                        tuple("Groq", "Raised", "2024", null));
    }

    @Test
    void entityNotesByFrontMatterOrCompanyTag() {
        vault.note("Groq.md", "---", "type: entity", "tags: [inference-specialist, chips]", "kind: startup", "---", "# Groq")
                .note("Broadcom.md", "---", "aliases: [AVGO]", "---", "#company #chips", "", "# Broadcom", "",
                        "## Implications", "", "**For X:**", "- ignored: entities have no implications")
                .note("Not a company.md", "---", "type: thesis", "---", "#company", "# Not a company");
        Vault read = vault.read();
        assertThat(read.entities()).extracting(Entity::getId, Entity::getName, Entity::getAliases, Entity::getTags,
                        Entity::getKind, Entity::getSourceLine)
                .containsExactly(
                        tuple("broadcom", "Broadcom", List.of("AVGO"), List.of("company", "chips"), "company", 6),
                        tuple("groq", "Groq", List.of(), List.of("inference-specialist", "chips"), "startup", 6));
        assertThat(read.theses()).extracting(Thesis::getId).containsExactly("not-a-company");
        assertThat(read.implications()).isEmpty();
    }

    @Test
    void hiddenFoldersAndOtherFilesAreSkipped() {
        vault.note(".obsidian/workspace.md", "# Workspace").note("image.png", "x").note("T.md", "# T");
        assertThat(vault.read().theses()).extracting(Thesis::getId).containsExactly("t");
    }

    @Test
    void versionChangesWithTheContent() {
        vault.note("T.md", "# T", "", "One.");
        String before = vault.read().theses().get(0).getVersion();
        vault.note("T.md", "# T", "", "Two.");
        assertThat(vault.read().theses().get(0).getVersion()).isNotEqualTo(before).hasSize(16);
    }

    @Test
    void slugs() {
        assertThat(Slug.of("Training-inference convergence")).isEqualTo("training-inference-convergence");
        assertThat(Slug.of("  NVIDIA's  moat (2025)! ")).isEqualTo("nvidia-s-moat-2025");
        assertThat(Slug.of("Café Économie")).isEqualTo("cafe-economie");
    }
}
