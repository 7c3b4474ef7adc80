package io.tip.notes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Each problem {@code tip lint} reports, at the line where the analyst must fix it. */
class LintTest {
    @TempDir
    Path dir;
    TempVault vault;

    @BeforeEach
    void emptyVault() {
        vault = new TempVault(dir);
    }

    private static String[] thesisWithSignal(String row) {
        return new String[] {
                "# Thesis",                                 // 1
                "",                                         // 2
                "Statement.",                               // 3
                "",                                         // 4
                "## Signals",                               // 5
                "",                                         // 6
                "| Stance | When | Why | Weight |",          // 7
                "|---|---|---|---|",                        // 8
                "| SUPPORTS | type=acquisition | fine | |",  // 9
                row};                                       // 10
    }

    /** The warning for a thesis nothing can move; the small notes here often are one. */
    static String unmovable(String file, int line, String title) {
        return file + ":" + line + ": warning: thesis '" + title + "' can never move: no signals, no linked entity, no implication "
                + "leads to it (add a ## Signals table, or link the companies it is about)";
    }

    @Test
    void malformedRule() {
        vault.note("T.md", thesisWithSignal("| SUPPORTS | tpye=acquisition | why | 0.5 |"));
        assertThat(vault.lint()).containsExactly("T.md:10: malformed rule 'tpye=acquisition': unknown field 'tpye' "
                + "(known: type, actor, target, entity, tag, actor.tag, target.tag, amount, headline, event.tag, product, source, attr.KEY) (column 1)");
        // the bad signal is dropped, the good one kept
        assertThat(vault.read().theses().get(0).getSignals()).hasSize(1);
    }

    @Test
    void emptyRule() {
        vault.note("T.md", thesisWithSignal("| SUPPORTS |  | why | 0.5 |"));
        assertThat(vault.lint()).containsExactly("T.md:10: malformed rule '': empty rule (write a term such as type=acquisition) (column 1)");
    }

    @Test
    void unknownStance() {
        vault.note("T.md", thesisWithSignal("| BULLISH | type=merger | why | 0.5 |"));
        assertThat(vault.lint()).containsExactly("T.md:10: unknown stance 'BULLISH' (use SUPPORTS, CHALLENGES or REVIEW)");
    }

    @Test
    void weightNotANumber() {
        vault.note("T.md", thesisWithSignal("| SUPPORTS | type=merger | why | high |"));
        assertThat(vault.lint()).containsExactly("T.md:10: weight 'high' is not a number from 0 to 1");
    }

    @Test
    void weightOutOfRange() {
        vault.note("T.md", thesisWithSignal("| SUPPORTS | type=merger | why | 1.5 |"));
        assertThat(vault.lint()).containsExactly("T.md:10: weight '1.5' is not a number from 0 to 1");
    }

    @Test
    void signalsTableWithoutWhen() {
        vault.note("T.md", "# Thesis", "", "## Signals", "", "| Stance | Rule | Why |", "|---|---|---|", "| SUPPORTS | type=merger | x |");
        assertThat(vault.lint()).containsExactly("T.md:5: signals table has no When column (columns: Stance | When | Why, optional Weight)");
    }

    @Test
    void twoNotesWithTheSameId() {
        vault.note("a/Long Broadcom.md", "# Long Broadcom", "", "First.")
                .note("b/Long broadcom.md", "", "# Long  broadcom", "", "Second.");
        assertThat(vault.lint()).containsExactly(unmovable("a/Long Broadcom.md", 1, "Long Broadcom"),
                "b/Long broadcom.md:2: duplicate id 'long-broadcom': a/Long Broadcom.md has the same title (rename one of them)");
        assertThat(vault.read().theses()).singleElement().satisfies(t -> assertThat(t.getSummary()).isEqualTo("First."));
    }

    @Test
    void implicationWithoutBullets() {
        vault.note("T.md", "# Thesis", "", "## Implications", "", "**For chip design:**", "", "**For pricing:**", "- Falls");
        assertThat(vault.lint()).containsExactly(unmovable("T.md", 1, "Thesis"),
                "T.md:5: warning: implication for 'chip design' has no bullets (list its statements under it)");
        assertThat(vault.read().hasErrors()).isFalse();
    }

    @Test
    void implicationWeightOutOfRange() {
        vault.note("T.md", "# Thesis", "", "## Implications", "", "**For pricing (+ 1.5):**", "- Falls");
        assertThat(vault.lint()).containsExactly(
                "T.md:5: implication weight '1.5' is not a number from 0 to 1 (write e.g. (+ 0.5))");
    }

    @Test
    void secondImplicationForTheSameTarget() {
        vault.note("T.md", "# Thesis", "", "## Implications", "", "**For pricing:**", "- Falls", "", "**For Pricing:**", "- Again");
        assertThat(vault.lint()).containsExactly(
                "T.md:8: second implication for 'Pricing' (merge its bullets into the first one)");
    }

    @Test
    void linkToAMissingNote() {
        vault.note("T.md", "# Thesis", "", "Driven by [[Groq]] and [[Cerebras|CBRS]].", "", "Related: [[Groq]]")
                .note("Groq.md", "---", "type: entity", "---", "# Groq");
        assertThat(vault.lint()).containsExactly(
                "T.md:3: warning: [[Cerebras]] links to no note in the vault (create it, or fix the name)");
    }

    @Test
    void linksReachNotesByTitleFileNameOrAlias() {
        vault.note("T.md", "# Thesis", "", "[[Amazon]], [[AWS]], [[amazon-note]], [[Thesis#Heading]]")
                .note("amazon-note.md", "---", "type: entity", "aliases: [AWS]", "---", "# Amazon");
        assertThat(vault.lint()).isEmpty();
    }

    @Test
    void badUpdatedDate() {
        vault.note("T.md", "# Thesis", "", "Statement.", "", "*Updated 2025-13-45*");
        assertThat(vault.lint()).containsExactly("T.md:5: bad Updated date '2025-13-45' (write *Updated YYYY-MM-DD*)");
        assertThat(vault.read().theses().get(0).getUpdated()).isNull();
    }

    @Test
    void unreadableFrontMatter() {
        vault.note("T.md", "---", "type: thesis", "tags: [chips, gpu", "---", "# Thesis");
        // SnakeYAML notices at the end of the unclosed list, on its line
        assertThat(vault.lint()).containsExactly("T.md:3: unreadable front matter: expected ',' or ']', but got <stream end>");
    }

    @Test
    void frontMatterThatIsNotKeysAndValues() {
        vault.note("T.md", "---", "- just", "- a list", "---", "# Thesis");
        assertThat(vault.lint()).containsExactly("T.md:2: unreadable front matter: expected key: value lines such as tags: [chips]");
    }

    @Test
    void frontMatterNeverClosed() {
        vault.note("T.md", "---", "type: thesis", "# Thesis");
        assertThat(vault.lint()).containsExactly("T.md:1: front matter is never closed (end it with a line ---)");
    }

    @Test
    void unknownNoteType() {
        vault.note("T.md", "---", "type: idea", "---", "# Thesis");
        assertThat(vault.lint()).containsExactly("T.md:1: unknown note type 'idea' in front matter (use thesis, entity, company, person or product)");
    }

    @Test
    void unknownStanceInEvidence() {
        vault.note("T.md", "# Thesis", "", "## Evidence", "", "| Company | Action | Date | Stance |", "|---|---|---|---|",
                "| [[X]] | Did | 2025 | maybe |");
        assertThat(vault.lint()).contains("T.md:7: unknown stance 'maybe' (use SUPPORTS, CHALLENGES or REVIEW)");
    }
}
