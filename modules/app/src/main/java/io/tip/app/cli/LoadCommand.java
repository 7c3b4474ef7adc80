package io.tip.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.tip.app.config.ConnectionOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.kafka.KafkaCluster;
import io.tip.app.kafka.VaultPublisher;
import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Thesis;
import io.tip.model.topics.Topics;
import io.tip.notes.Vault;
import io.tip.notes.VaultSync.Changes;
import io.tip.notes.VaultSync.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Publish a vault to the theses, implications and entities tables: only what changed is sent, "
                + "a deleted note becomes a tombstone, all in one transaction.",
        footer = {"", "Examples:", "  tip load examples/vault", "  tip load ~/vault --dry-run --bootstrap-servers kafka:9092",
                "  tip load --watch ~/vault          # then every save is live in about a second; Ctrl-C stops"})
public final class LoadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "VAULT", description = "Folder of Markdown notes.")
    Path vault;

    @Option(names = "--dry-run", description = "Show what would change without publishing.")
    boolean dryRun;

    @Option(names = "--watch", description = "Keep running: publish each change to the vault as it is saved (created, "
            + "changed, deleted or renamed notes). A note with an error is not published; its last good version stays live.")
    boolean watch;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws IOException {
        if (watch) {
            return watch();
        }
        Vault read = VaultReading.read(vault);
        read.problems().forEach(p -> System.err.println(VaultReading.located(vault, p)));
        if (read.hasErrors()) {
            throw new UserError("the vault has errors (above); fix them — `tip lint " + vault + "` checks — then load again");
        }
        TipSettings settings = connection.settings();
        Topics topics = settings.topics();
        Plan plan = load(settings, topics, read, dryRun);
        print(plan, System.out, dryRun);
        return 0;
    }

    private int watch() throws IOException {
        if (dryRun) {
            throw new UserError("--watch publishes every change; leave out --dry-run (or use `tip lint " + vault + "` to check)");
        }
        VaultReading.read(vault); // the same first check as load: a missing folder is a one-line error
        TipSettings settings = connection.settings();
        Topics topics = settings.topics();
        try (KafkaCluster cluster = KafkaCluster.connect(settings.kafka())) {
            cluster.ensureTopics(topics.all(), settings.app().topicPartitions(), settings.app().topicReplicationFactor());
        }
        try (ShutdownSignal signal = new ShutdownSignal(); VaultPublisher publisher = new VaultPublisher(settings.kafka(), topics)) {
            new LiveLoad(vault, publisher, System.out, System.err).run(signal::requested);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("stopped watching " + vault);
        return 0;
    }

    /** Shared with {@code tip demo}: sync the vault into the tables, creating the topics if needed. */
    static Plan load(TipSettings settings, Topics topics, Vault vault, boolean dryRun) {
        try (KafkaCluster cluster = KafkaCluster.connect(settings.kafka())) {
            if (!dryRun) {
                cluster.ensureTopics(topics.all(), settings.app().topicPartitions(), settings.app().topicReplicationFactor());
            }
        }
        try (VaultPublisher publisher = new VaultPublisher(settings.kafka(), topics)) {
            Plan plan = publisher.plan(vault);
            if (!dryRun) {
                publisher.apply(plan);
            }
            return plan;
        }
    }

    static void print(Plan plan, PrintStream out, boolean dryRun) {
        if (plan.isEmpty()) {
            out.println("nothing changed: the tables already match the vault");
            return;
        }
        String prefix = dryRun ? "would " : "";
        section(out, prefix, "theses", plan.theses(), Thesis::getId);
        section(out, prefix, "implications", plan.implications(), Implication::getId);
        section(out, prefix, "entities", plan.entities(), Entity::getId);
    }

    private static <T> void section(PrintStream out, String prefix, String table, Changes<T> changes, Function<T, String> id) {
        if (changes.isEmpty()) {
            return;
        }
        out.printf("%s: %s%d added, %d changed, %d removed%n", table, prefix, changes.added().size(), changes.changed().size(),
                changes.removed().size());
        changes.added().forEach(r -> out.println("  + " + id.apply(r)));
        changes.changed().forEach(r -> out.println("  ~ " + id.apply(r)));
        changes.removed().forEach(r -> out.println("  - " + r));
    }
}
