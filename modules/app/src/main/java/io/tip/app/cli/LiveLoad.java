package io.tip.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.kafka.common.KafkaException;

import io.tip.app.kafka.VaultPublisher;
import io.tip.app.vault.VaultWatcher;
import io.tip.notes.LastGoodNotes;
import io.tip.notes.Problem;
import io.tip.notes.Vault;
import io.tip.notes.VaultSync;
import io.tip.notes.VaultSync.Plan;

/**
 * {@code tip load --watch}: loads the vault, then each saved change — only what changed, in one
 * transaction per change. A note with an error is not published and its last good version stays
 * live; its error is printed at every change until it is fixed. It keeps what the tables hold in
 * memory after the first read, so it assumes it is the only one loading this vault meanwhile.
 */
final class LiveLoad {
    private final Path vault;
    private final VaultPublisher publisher;
    private final PrintStream out;
    private final PrintStream err;
    private VaultSync.Published published;
    private LastGoodNotes lastGood;

    LiveLoad(Path vault, VaultPublisher publisher, PrintStream out, PrintStream err) {
        this.vault = vault;
        this.publisher = publisher;
        this.out = out;
        this.err = err;
    }

    /** Runs until {@code stop} says so or the thread is interrupted. */
    void run(BooleanSupplier stop) throws InterruptedException {
        VaultPublisher.Tables tables = publisher.read();
        published = tables.published();
        lastGood = new LastGoodNotes(tables.theses().values(), tables.implications().values(), tables.entities().values());
        try (VaultWatcher watcher = new VaultWatcher(vault)) { // watching before the first read: no save is missed
            sync(null);
            out.println("watching " + vault + " for changes (Ctrl-C stops)");
            while (!stop.getAsBoolean()) {
                Set<Path> changed = watcher.awaitChanges(Duration.ofMillis(500));
                if (!changed.isEmpty()) {
                    sync(changed);
                }
            }
        }
    }

    /** @param changed the notes that changed, null for the first load (every problem is printed) */
    private void sync(Set<Path> changed) {
        Vault read;
        try {
            read = Vault.read(vault);
        } catch (IOException e) {
            err.println("tip: cannot read " + vault + " now (" + e.getMessage() + "); reading again at the next change");
            return;
        }
        for (Problem problem : read.problems()) {
            if (changed == null || problem.isError() || changed.contains(problem.file())) {
                err.println(VaultReading.located(vault, problem) + (problem.isError() ? "  [not published: its last good version stays live]" : ""));
            }
        }
        Vault desired = lastGood.publishable(read);
        Plan plan = VaultSync.plan(published, desired);
        if (plan.isEmpty()) {
            return;
        }
        try {
            publisher.apply(plan);
        } catch (KafkaException e) {
            err.println("tip: publishing failed (" + e.getMessage() + "); trying again at the next change");
            return;
        }
        published = VaultSync.Published.of(desired);
        out.print(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " ");
        LoadCommand.print(plan, out, false);
    }
}
