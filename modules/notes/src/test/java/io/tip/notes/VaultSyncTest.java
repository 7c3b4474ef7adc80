package io.tip.notes;

import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Thesis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tip load}: send what is new or changed, tombstone what is gone, nothing else. */
class VaultSyncTest {
    @TempDir
    Path dir;

    @Test
    void firstLoadAddsEverything() throws Exception {
        Vault vault = Vault.read(Path.of("../../examples/vault"));
        VaultSync.Plan plan = VaultSync.plan(VaultSync.Published.empty(), vault);
        assertThat(plan.theses().added()).hasSize(3);
        assertThat(plan.implications().added()).hasSize(4);
        assertThat(plan.entities().added()).hasSize(5);
        assertThat(plan.theses().changed()).isEmpty();
        assertThat(plan.theses().removed()).isEmpty();
    }

    @Test
    void anUnchangedVaultSendsNothing() throws Exception {
        Vault vault = Vault.read(Path.of("../../examples/vault"));
        assertThat(VaultSync.plan(VaultSync.Published.of(vault), Vault.read(Path.of("../../examples/vault"))).isEmpty()).isTrue();
    }

    @Test
    void editsAndDeletionsBecomeChangesAndTombstones() {
        // given a loaded vault
        TempVault notes = new TempVault(dir)
                .note("A.md", "# A", "", "## Implications", "", "**For [[B]]:**", "- one", "", "**For gone topic:**", "- x")
                .note("B.md", "# B", "", "Unchanged.")
                .note("Old.md", "# Old")
                .note("Groq.md", "---", "type: entity", "tags: [chips]", "---", "# Groq")
                .note("AMD.md", "---", "type: entity", "---", "# AMD");
        VaultSync.Published loaded = VaultSync.Published.of(notes.read());
        // when A changes (one implication edited, one dropped), Old is deleted, Groq re-tagged, Cerebras added
        notes.note("A.md", "# A", "", "## Implications", "", "**For [[B]] (+):**", "- one")
                .note("Groq.md", "---", "type: entity", "tags: [chips, inference-specialist]", "---", "# Groq")
                .note("Cerebras.md", "---", "type: entity", "---", "# Cerebras");
        dir.resolve("Old.md").toFile().delete();
        VaultSync.Plan plan = VaultSync.plan(loaded, notes.read());
        // then only the differences are sent
        assertThat(plan.theses().added()).isEmpty();
        assertThat(plan.theses().changed()).extracting(Thesis::getId).containsExactly("a");
        assertThat(plan.theses().removed()).containsExactly("old");
        assertThat(plan.implications().added()).isEmpty();
        assertThat(plan.implications().changed()).extracting(Implication::getId).containsExactly("a--b");
        assertThat(plan.implications().removed()).containsExactly("a--gone-topic");
        assertThat(plan.entities().added()).extracting(Entity::getId).containsExactly("cerebras");
        assertThat(plan.entities().changed()).extracting(Entity::getId).containsExactly("groq");
        assertThat(plan.entities().removed()).isEmpty();
        assertThat(plan.isEmpty()).isFalse();
    }
}
