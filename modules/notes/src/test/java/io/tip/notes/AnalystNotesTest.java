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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 10: notes written the way Obsidian users write them are read in full, and whatever is not
 * read is said at its line. Golden tests: note text in, records and warnings out.
 */
class AnalystNotesTest {
    @TempDir
    Path dir;
    TempVault vault;

    @BeforeEach
    void emptyVault() {
        vault = new TempVault(dir);
    }

    private static final String[] HBM = {
            "---",                                                                              // 1
            "type: thesis",                                                                     // 2
            "tags: [semis]",                                                                    // 3
            "updated: 2025-11-02",                                                              // 4
            "---",                                                                              // 5
            "# HBM shortage persists",                                                          // 6
            "",                                                                                 // 7
            "High-bandwidth memory stays scarce through 2026.",                                 // 8
            "",                                                                                 // 9
            "## Key evidence",                                                                  // 10
            "",                                                                                 // 11
            "| Company | Action | Date |",                                                      // 12
            "|---|---|---|",                                                                    // 13
            "| [[SK Hynix|Hynix]] | Sold out 2026 HBM | Nov 2025 |",                            // 14
            "",                                                                                 // 15
            "## Signals (rules)",                                                               // 16
            "",                                                                                 // 17
            "| Stance | When | Why |",                                                          // 18
            "|---|---|---|",                                                                    // 19
            "| SUPPORTS | type=capacity and actor=\"SK Hynix\" | Capacity sold out |",           // 20
            "",                                                                                 // 21
            "### Bear signals",                                                                 // 22
            "",                                                                                 // 23
            "| Stance | When | Why | Weight |",                                                 // 24
            "|---|---|---|---|",                                                                // 25
            "| CHALLENGES | type=capacity and headline~\"glut\" | Oversupply | 0.5 |",          // 26
            "",                                                                                 // 27
            "## Implications for other theses",                                                 // 28
            "",                                                                                 // 29
            "### For [[Long Micron]] (+)",                                                      // 30
            "",                                                                                 // 31
            "- Micron sells every HBM stack it makes",                                          // 32
            "",                                                                                 // 33
            "- **For [[Cheap inference]] (-):** memory keeps accelerator prices high",          // 34
            "  - Inference stays expensive",                                                    // 35
            "",                                                                                 // 36
            "## Bear case",                                                                     // 37
            "",                                                                                 // 38
            "- Samsung qualifies HBM3E at NVIDIA",                                              // 39
            "",                                                                                 // 40
            "*Updated 2025-12-30*",                                                             // 41
            "",                                                                                 // 42
            "Related: [[SK Hynix]]",                                                            // 43
            "",                                                                                 // 44
            "status:: active",                                                                  // 45
            "",                                                                                 // 46
            "## Signls",                                                                        // 47
            "",                                                                                 // 48
            "| Stance | When | Why |",                                                          // 49
            "|---|---|---|",                                                                    // 50
            "| SUPPORTS | type=pricing | never read |",                                        // 51
            "",                                                                                 // 52
            "## Appendix",                                                                      // 53
            "",                                                                                 // 54
            "Working notes."};                                                                  // 55

    private TempVault hbmVault() {
        return vault.note("HBM shortage persists.md", HBM)
                .note("SK Hynix.md", "---", "type: company", "aliases: [Hynix]", "tags: [memory]", "---", "# SK Hynix")
                .note("Long Micron.md", "# Long Micron", "", "Micron's HBM share grows.")
                .note("Cheap inference.md", "# Cheap inference", "", "Inference keeps getting cheaper.");
    }

    @Test
    void aNoteWrittenTheObsidianWayIsReadInFull() {
        Vault read = hbmVault().read();

        // only the misspelt heading is reported, at its line; ## Appendix is the analyst's own
        assertThat(read.problems()).map(Problem::toString).containsExactly(
                "HBM shortage persists.md:47: warning: '## Signls' is not a section tip reads: did you mean ## Signals? "
                        + "(its other names are in docs/notes.md)");
        Thesis thesis = read.theses().stream().filter(t -> t.getId().equals("hbm-shortage-persists")).findFirst().orElseThrow();
        // ## Key evidence, with the link's target recorded, not its shown text
        assertThat(thesis.getEvidence()).extracting(Evidence::getCompany, Evidence::getAction, Evidence::getDate)
                .containsExactly(tuple("SK Hynix", "Sold out 2026 HBM", "Nov 2025"));
        // ## Signals (rules), both tables; the table under ## Signls is not read
        assertThat(thesis.getSignals()).extracting(Signal::getStance, Signal::getRule, Signal::getWeight, Signal::getLine)
                .containsExactly(tuple(Stance.SUPPORTS, "type=capacity and actor=\"SK Hynix\"", 1.0, 20),
                        tuple(Stance.CHALLENGES, "type=capacity and headline~\"glut\"", 0.5, 26));
        // ## Bear case stops at the Updated, Related and Dataview lines
        assertThat(thesis.getCounterArguments()).containsExactly("Samsung qualifies HBM3E at NVIDIA");
        assertThat(thesis.getUpdated()).isEqualTo("2025-12-30"); // the *Updated* line wins over front matter
        assertThat(thesis.getRelated()).containsExactly("SK Hynix");
        // heading-style and list-style implications
        assertThat(read.implications()).extracting(Implication::getId, Implication::getPolarity, Implication::getStatements,
                        Implication::getSourceLine)
                .containsExactly(
                        tuple("hbm-shortage-persists--long-micron", Polarity.SAME, List.of("Micron sells every HBM stack it makes"), 30),
                        tuple("hbm-shortage-persists--cheap-inference", Polarity.INVERSE,
                                List.of("memory keeps accelerator prices high", "Inference stays expensive"), 34));
        // type: company is an entity, not a thesis
        assertThat(read.entities()).extracting(Entity::getId, Entity::getKind, Entity::getAliases).containsExactly(
                tuple("sk-hynix", "company", List.of("Hynix")));
        assertThat(read.theses()).extracting(Thesis::getId)
                .containsExactly("cheap-inference", "hbm-shortage-persists", "long-micron");
    }

    @Test
    void explainSaysWhatWasUnderstoodOfEachNote() {
        assertThat(hbmVault().read().explanations()).containsExactly(
                "Cheap inference.md: Cheap inference: thesis, 0 signals, 0 implications, 0 counter-arguments, 0 evidence rows, 0 links",
                "HBM shortage persists.md: HBM shortage persists: thesis, 2 signals, 2 implications (1 SAME, 1 INVERSE), "
                        + "1 counter-argument, 1 evidence row, 3 links, updated 2025-12-30; not read: ## Signls, ## Appendix",
                "Long Micron.md: Long Micron: thesis, 0 signals, 0 implications, 0 counter-arguments, 0 evidence rows, 0 links",
                "SK Hynix.md: SK Hynix: entity (company), 1 alias [Hynix], 1 tag [memory]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "## Signal; signals",
            "## Signals (rules); signals",
            "## Rules; signals",
            "## Key evidence; evidence",
            "## Supporting evidence:; evidence",
            "## Implication; implications",
            "## Implications for other theses; implications",
            "## Risks; counter",
            "## Bear case; counter",
            "## Counterarguments; counter",
            "## Counter-arguments; counter"})
    void documentedSectionNames(String heading, String section) {
        vault.note("T.md", "# T", "", "About [[X]].", "", heading, "", "- a counter-argument", "",
                "| Company | Action | Date |", "|---|---|---|", "| X | Did | 2025 |", "",
                "| Stance | When | Why |", "|---|---|---|", "| SUPPORTS | type=merger | Why |", "",
                "**For [[X]]:**", "- a statement");
        Vault read = vault.note("X.md", "---", "type: entity", "---", "# X").read();
        Thesis thesis = read.theses().get(0);
        assertThat(thesis.getEvidence()).hasSize(section.equals("evidence") ? 1 : 0);
        assertThat(thesis.getSignals()).hasSize(section.equals("signals") ? 1 : 0);
        assertThat(read.implications()).hasSize(section.equals("implications") ? 1 : 0);
        assertThat(thesis.getCounterArguments()).hasSize(section.equals("counter") ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "## Signls; ## Signals",
            "## Bull signals; ## Signals",
            "## Evidance; ## Evidence",
            "## Evidence and sources; ## Evidence",
            "## Implicatons; ## Implications",
            "## Risk factors; ## Counter-arguments",
            "## Counter points; ## Counter-arguments"})
    void nearMissHeadingsAreWarnings(String heading, String meant) {
        vault.note("T.md", "# T", "", "About [[X]].", "", heading, "", "- text").note("X.md", "---", "type: entity", "---", "# X");
        assertThat(vault.lint()).containsExactly("T.md:5: warning: '" + heading + "' is not a section tip reads: did you mean "
                + meant + "? (its other names are in docs/notes.md)");
    }

    @Test
    void otherHeadingsAreTheAnalystsOwn() {
        vault.note("T.md", "# T", "", "About [[X]].", "", "## What's happening", "", "## The NVIDIA-Groq tension", "", "## Appendix")
                .note("X.md", "---", "type: entity", "---", "# X");
        assertThat(vault.lint()).isEmpty();
        assertThat(vault.read().explanations()).first().asString()
                .endsWith("; not read: ## What's happening, ## The NVIDIA-Groq tension, ## Appendix");
    }

    @Test
    void aSectionHeadingNestedInAnotherSectionIsAWarning() {
        vault.note("T.md", "# T", "", "About [[X]].", "", "## Notes", "", "### Signals", "",
                "| Stance | When | Why |", "|---|---|---|", "| SUPPORTS | type=merger | Why |")
                .note("X.md", "---", "type: entity", "---", "# X");
        assertThat(vault.lint()).containsExactly(
                "T.md:7: warning: '### Signals' is not read: it sits inside another section (write it as ## Signals)");
    }

    @Test
    void textUnderImplicationsThatBelongsToNoBlockIsAWarning() {
        vault.note("T.md", "# T", "", "## Implications", "", "If this holds:", "", "- orphan bullet", "",
                "### Second order", "", "**For [[X]]:**", "- kept")
                .note("X.md", "---", "type: entity", "---", "# X");
        assertThat(vault.lint()).containsExactly(
                "T.md:5: warning: this text under ## Implications belongs to no implication, so it is not read (start a block with **For TARGET:**)",
                "T.md:7: warning: this text under ## Implications belongs to no implication, so it is not read (start a block with **For TARGET:**)");
        assertThat(vault.read().implications()).singleElement().satisfies(i -> assertThat(i.getStatements()).containsExactly("kept"));
    }

    @Test
    void counterArgumentsStopAtTheNotesTrailingLines() {
        vault.note("T.md", "# T", "", "About [[X]].", "", "## Counter-arguments", "",
                "Some workloads remain distinct:", "- Edge inference", "", "The gap is at the frontier.", "",
                "---", "", "Owner:: me", "", "After the rule.")
                .note("X.md", "---", "type: entity", "---", "# X");
        assertThat(vault.read().theses().get(0).getCounterArguments())
                .containsExactly("Some workloads remain distinct:", "Edge inference", "The gap is at the frontier.");
    }

    @Test
    void frontMatterUpdatedWhenThereIsNoUpdatedLine() {
        vault.note("A.md", "---", "updated: 2025-12-30", "---", "# A", "", "About [[X]].")
                .note("B.md", "---", "updated: 2025-12-31 14:03", "---", "# B", "", "About [[X]].")
                .note("C.md", "---", "tags: [x]", "updated: last week", "---", "# C", "", "About [[X]].")
                .note("X.md", "---", "type: entity", "---", "# X");
        Vault read = vault.read();
        assertThat(read.theses()).extracting(Thesis::getId, Thesis::getUpdated)
                .containsExactly(tuple("a", "2025-12-30"), tuple("b", "2025-12-31"), tuple("c", null));
        assertThat(vault.lint()).containsExactly("C.md:3: bad updated date 'last week' in front matter (write updated: YYYY-MM-DD)");
    }

    @Test
    void companyPersonAndProductNotesAreEntitiesOfThatKind() {
        vault.note("SK Hynix.md", "---", "type: company", "---", "# SK Hynix")
                .note("Jensen Huang.md", "---", "type: person", "aliases: [Jensen]", "---", "# Jensen Huang")
                .note("B200.md", "---", "type: Product", "---", "# B200")
                .note("Groq.md", "---", "type: company", "kind: startup", "---", "# Groq");
        Vault read = vault.read();
        assertThat(read.theses()).isEmpty();
        assertThat(read.entities()).extracting(Entity::getId, Entity::getKind).containsExactly(
                tuple("b200", "product"), tuple("groq", "startup"), tuple("jensen-huang", "person"), tuple("sk-hynix", "company"));
        assertThat(vault.lint()).isEmpty();
    }

    @Test
    void thesisSectionsInAnEntityNoteAreWarnings() {
        vault.note("Groq.md", "---", "type: company", "---", "# Groq", "", "## Signals", "",
                "| Stance | When | Why |", "|---|---|---|", "| SUPPORTS | type=merger | Why |");
        assertThat(vault.lint()).containsExactly("Groq.md:6: warning: ## Signals is not read in an entity note (entities have "
                + "aliases and tags only; write type: thesis in the front matter to make it a thesis)");
    }

    @Test
    void aLinkWithShownTextInAnEvidenceCellEscapedOrNot() {
        vault.note("T.md", "# T", "", "## Evidence", "", "| Company | Action | Date |", "|---|---|---|",
                "| [[SK Hynix|Hynix]] | Sold out | 2025 |", "| [[SK Hynix\\|Hynix]] | Raised [[HBM|memory]] prices | 2026 |")
                .note("SK Hynix.md", "---", "type: company", "---", "# SK Hynix")
                .note("HBM.md", "---", "type: product", "---", "# HBM");
        assertThat(vault.read().theses().get(0).getEvidence()).extracting(Evidence::getCompany, Evidence::getAction, Evidence::getDate)
                .containsExactly(tuple("SK Hynix", "Sold out", "2025"), tuple("SK Hynix", "Raised HBM prices", "2026"));
        assertThat(vault.read().theses().get(0).getEntities()).containsExactly("SK Hynix", "HBM");
    }

    @Test
    void aThesisNothingCanMoveIsAWarningUnlessAnImplicationLeadsToIt() {
        vault.note("Lonely.md", "# Lonely", "", "Nothing here moves it.")
                .note("Reached.md", "# Reached", "", "Only implications move it.")
                .note("Source.md", "# Source", "", "About [[X]].", "", "## Implications", "", "**For [[Reached]] (+):**", "- it follows")
                .note("X.md", "---", "type: entity", "---", "# X");
        assertThat(vault.lint()).containsExactly(LintTest.unmovable("Lonely.md", 1, "Lonely"));
    }
}
