package io.tip.notes;

import io.tip.model.Implication;
import io.tip.model.Thesis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tip load --watch}: a note with an error is not published; its last good version stays. */
class LastGoodNotesTest {
    @TempDir
    Path dir;
    TempVault vault;

    @BeforeEach
    void emptyVault() {
        vault = new TempVault(dir);
    }

    private static String[] note(String title, String rule) {
        return new String[] {"# " + title, "", "About [[X]].", "", "## Implications", "", "**For [[Other]] (+):**", "- follows", "",
                "## Signals", "", "| Stance | When | Why |", "|---|---|---|", "| SUPPORTS | " + rule + " | why |"};
    }

    @Test
    void aBrokenNoteKeepsItsLastGoodVersionWhileOtherNotesMoveOn() throws Exception {
        vault.note("A.md", note("A", "type=merger")).note("B.md", note("B", "type=merger"))
                .note("X.md", "---", "type: entity", "---", "# X");
        LastGoodNotes live = new LastGoodNotes(List.of(), List.of(), List.of());
        Vault first = live.publishable(vault.read());

        // When A gets a malformed rule and B changes
        vault.note("A.md", note("A", "tpye=merger")).note("B.md", note("B", "type=acquisition"));
        Vault second = live.publishable(vault.read());

        // Then A stays as it was, records and implications, and B is published as it is now
        assertThat(second.theses()).extracting(Thesis::getId, t -> t.getSignals().get(0).getRule())
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("a", "type=merger"),
                        org.assertj.core.api.Assertions.tuple("b", "type=acquisition"));
        assertThat(second.theses()).filteredOn(t -> t.getId().equals("a")).containsExactlyElementsOf(
                first.theses().stream().filter(t -> t.getId().equals("a")).toList());
        assertThat(second.implications()).extracting(Implication::getId).containsExactlyInAnyOrder("a--other", "b--other");
        assertThat(second.errors()).isNotEmpty(); // the error is still reported

        // When A is fixed, the fix is published; when it is deleted, it is gone
        vault.note("A.md", note("A", "type=investment"));
        assertThat(live.publishable(vault.read()).theses()).filteredOn(t -> t.getId().equals("a"))
                .singleElement().satisfies(t -> assertThat(t.getSignals().get(0).getRule()).isEqualTo("type=investment"));
        Files.delete(dir.resolve("A.md"));
        assertThat(live.publishable(vault.read()).theses()).extracting(Thesis::getId).containsExactly("b");
    }

    @Test
    void aNoteBrokenWhenWatchingStartsKeepsWhatTheTablesHold() {
        vault.note("A.md", note("A", "type=merger")).note("X.md", "---", "type: entity", "---", "# X");
        Vault loaded = vault.read();
        LastGoodNotes live = new LastGoodNotes(loaded.theses(), loaded.implications(), loaded.entities());

        vault.note("A.md", note("A", "type=merger and ("));

        assertThat(VaultSync.plan(VaultSync.Published.of(loaded), live.publishable(vault.read())).isEmpty()).isTrue();
    }
}
