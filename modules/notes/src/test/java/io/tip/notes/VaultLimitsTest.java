package io.tip.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: no input makes reading a vault slow, reads outside it, or reads a huge file. */
class VaultLimitsTest {
    @TempDir Path dir;

    @Test
    void aHundredThousandCharacterImplicationLineIsReadQuickly() {
        new TempVault(dir.resolve("warm-up")).note("w.md", "# W", "", "## Implications", "", "**For b:**", "- x").read();
        // Given an implication heading of 100,000 spaces between two words
        TempVault vault = new TempVault(dir.resolve("vault")).note("a.md", "# A", "", "## Implications", "",
                "**for a" + " ".repeat(100_000) + "b**", "- something");

        // When it is read
        long start = System.nanoTime();
        Vault read = vault.read();
        long millis = (System.nanoTime() - start) / 1_000_000;

        // Then it is read in well under a second (the quadratic regex took 35 s on this line; the bound is
        // loose because the machine may be shared), as an implication for "a … b"
        assertThat(millis).isLessThan(5_000);
        assertThat(read.implications()).singleElement().satisfies(i -> assertThat(i.getToName()).startsWith("a").endsWith("b"));
        System.out.println("100,000-character implication line read in " + millis + " ms (shared machine)");
    }

    @Test
    void aSymlinkLeavingTheVaultIsNotFollowed() throws IOException {
        // Given a note outside the vault, and a link to it inside
        Path outside = Files.writeString(dir.resolve("secret.md"), "# Secret\n\nnot for the vault\n");
        TempVault vault = new TempVault(dir.resolve("vault")).note("a.md", "# A");
        Files.createSymbolicLink(dir.resolve("vault/leak.md"), outside);

        // When the vault is read
        Vault read = vault.read();

        // Then the outside note is not read, and the link is reported
        assertThat(read.theses()).extracting(t -> t.getId()).containsExactly("a");
        assertThat(read.problems()).filteredOn(p -> p.toString().contains("leak.md")).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.toString()).contains("outside the vault");
        });
    }

    @Test
    void aSymlinkInsideTheVaultIsRead() throws IOException {
        TempVault vault = new TempVault(dir.resolve("vault")).note("notes/a.md", "# A");
        Files.createSymbolicLink(dir.resolve("vault/b.md"), dir.resolve("vault/notes/a.md"));

        assertThat(vault.read().problems()).extracting(Problem::toString).noneMatch(p -> p.contains("outside the vault"));
    }

    @Test
    void aNoteAboveTheSizeCapIsReportedNotRead() throws IOException {
        // Given a note larger than a note may be
        TempVault vault = new TempVault(dir.resolve("vault")).note("a.md", "# A");
        Files.writeString(dir.resolve("vault/huge.md"), "# Huge\n\n" + "x".repeat(Vault.MAX_NOTE_BYTES));

        // When the vault is read
        Vault read = vault.read();

        // Then it is reported as an error and not read
        assertThat(read.theses()).extracting(t -> t.getId()).containsExactly("a");
        assertThat(read.errors()).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("huge.md").contains("bytes").contains("not read"));
    }
}
