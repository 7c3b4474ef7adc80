package io.tip.notes;

import io.tip.model.Evidence;
import io.tip.model.Implication;
import io.tip.model.Polarity;
import io.tip.model.Thesis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The seed note, exactly as the analyst wrote it, gives exactly these records. */
class SeedNoteTest {
    private static Vault vault;
    private static Thesis thesis;

    @BeforeAll
    static void readSeedVault() throws Exception {
        // given the seed note alone in a vault; when the vault is read
        vault = Vault.read(Path.of("src/test/resources/seed"));
        thesis = vault.theses().get(0);
    }

    @Test
    void titleIdTagsSummaryAndPosition() {
        assertThat(vault.theses()).hasSize(1);
        assertThat(vault.entities()).isEmpty();
        assertThat(thesis.getTitle()).isEqualTo("Training-inference convergence");
        assertThat(thesis.getId()).isEqualTo("training-inference-convergence");
        assertThat(thesis.getTags()).containsExactly("concept", "chips", "architecture");
        assertThat(thesis.getSummary()).isEqualTo("The distinction between AI training and inference hardware is blurring. "
                + "Workloads that were once separate now share similar compute requirements.");
        assertThat(thesis.getSourcePath()).isEqualTo("Training-inference convergence.md");
        assertThat(thesis.getSourceLine()).isEqualTo(3);
        assertThat(thesis.getVersion()).matches("[0-9a-f]{16}");
        assertThat(thesis.getSignals()).isEmpty();
    }

    @Test
    void evidenceRows() {
        assertThat(thesis.getEvidence()).extracting(Evidence::getCompany, Evidence::getAction, Evidence::getDate, Evidence::getStance)
                .containsExactly(
                        tuple("Amazon", "Discontinued Inferentia, Trainium handles both", "Dec 2024", null),
                        tuple("NVIDIA", "H100/H200/B200 used for training and inference", "2023-25", null),
                        tuple("Google", "TPU v7 Ironwood marketed for inference at training scale", "Nov 2025", null));
    }

    @Test
    void implications() {
        assertThat(vault.implications()).extracting(Implication::getId, Implication::getFromThesis, Implication::getTo,
                        Implication::getToName, Implication::getPolarity, Implication::getSourceLine, Implication::getSourcePath)
                .containsExactly(
                        tuple("training-inference-convergence--chip-design", "training-inference-convergence", "chip-design",
                                "chip design", Polarity.REVIEW, 35, "Training-inference convergence.md"),
                        tuple("training-inference-convergence--long-broadcom", "training-inference-convergence", "long-broadcom",
                                "Long Broadcom", Polarity.REVIEW, 40, "Training-inference convergence.md"),
                        tuple("training-inference-convergence--inference-economics", "training-inference-convergence",
                                "inference-economics", "Inference economics", Polarity.REVIEW, 44, "Training-inference convergence.md"),
                        tuple("training-inference-convergence--nvidia-moat", "training-inference-convergence", "nvidia-moat",
                                "NVIDIA moat", Polarity.REVIEW, 48, "Training-inference convergence.md"));
        assertThat(vault.implications()).extracting(Implication::getStatements).containsExactly(
                java.util.List.of("Fewer specialized ASICs needed", "Unified architectures win (NVIDIA's advantage)",
                        "Memory bandwidth matters for both workloads"),
                java.util.List.of("ASIC customers may consolidate chip designs", "Fewer SKUs but larger volumes per design"),
                java.util.List.of("Cost models based on \"cheap inference\" may be wrong", "Inference costs stay higher than expected"),
                java.util.List.of("Unified CUDA ecosystem more valuable",
                        "Harder for inference-only startups (Groq) to compete on total cost"));
        assertThat(vault.implications()).allSatisfy(i -> assertThat(i.getWeight()).isEqualTo(1.0));
    }

    @Test
    void counterArgumentsRelatedUpdatedAndLinks() {
        assertThat(thesis.getCounterArguments()).containsExactly(
                "Some workloads remain distinct:",
                "Edge inference (mobile, IoT) still needs efficiency-optimized chips",
                "Batch inference at scale may still favor specialized hardware",
                "Enterprise inference buyers prioritize cost/latency, not training capability",
                "The convergence is strongest at the frontier model scale.");
        assertThat(thesis.getRelated()).containsExactly("Hyperscaler chip roadmap", "Amazon", "NVIDIA", "Google", "Groq",
                "Inference economics", "Long Broadcom");
        assertThat(thesis.getUpdated()).isEqualTo("2025-12-30");
        assertThat(thesis.getEntities()).containsExactly("Amazon", "NVIDIA", "Google", "Long Broadcom", "Inference economics",
                "Groq", "Hyperscaler chip roadmap");
    }

    @Test
    void loadsWithoutErrorsButWarnsAboutMissingNotes() {
        assertThat(vault.hasErrors()).isFalse();
        // one warning per missing note, at its first link
        assertThat(vault.problems()).map(Problem::toString).hasSize(7).contains(
                "Training-inference convergence.md:27: warning: [[Amazon]] links to no note in the vault (create it, or fix the name)",
                "Training-inference convergence.md:81: warning: [[Hyperscaler chip roadmap]] links to no note in the vault (create it, or fix the name)");
    }
}
