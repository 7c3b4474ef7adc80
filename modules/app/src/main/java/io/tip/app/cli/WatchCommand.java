package io.tip.app.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tip.app.config.ConnectionOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.format.ImpactFilter;
import io.tip.app.format.ThesisNames;
import io.tip.app.kafka.TopicFeed;
import io.tip.app.kafka.KafkaCluster;
import io.tip.app.kafka.TableReader;
import io.tip.model.Thesis;
import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow thesis impacts live (committed ones only), optionally filtered.",
        footer = {"", "Examples:", "  tip watch", "  tip watch --thesis training-inference-convergence --from-beginning",
                "  tip watch --thesis \"Long Broadcom\"",
                "  tip watch --tag chips --min-magnitude 0.5 --json"})
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--thesis", paramLabel = "NAME", description = "Only impacts on this thesis: its id, title or an alias.")
    String thesis;

    @Option(names = "--tag", paramLabel = "T", description = "Only impacts on theses with this tag.")
    String tag;

    @Option(names = "--min-magnitude", paramLabel = "M", defaultValue = "0", description = "Only impacts at least this strong (0..1).")
    double minMagnitude;

    @Option(names = "--json", description = "One JSON object per impact.")
    boolean json;

    @Option(names = "--from-beginning", description = "Start with every impact already published, not just new ones.")
    boolean fromBeginning;

    @Override
    public Integer call() {
        TipSettings settings = connection.settings();
        Topics topics = settings.topics();
        KafkaCluster.requireReachable(settings.kafka());
        Map<String, Thesis> theses = tag == null && thesis == null ? Map.of() : TableReader.read(settings.kafka(), topics.theses());
        String thesisId = thesis == null ? null : ThesisNames.idOf(thesis, theses.values());
        ImpactFilter filter = new ImpactFilter(thesisId, tag, minMagnitude, theses::get);
        ImpactPrinter printer = new ImpactPrinter(json);
        try (ShutdownSignal shutdown = new ShutdownSignal();
             TopicFeed<ThesisImpact> feed = new TopicFeed<>(settings.kafka(), topics.impacts(), fromBeginning)) {
            while (!shutdown.requested()) {
                feed.values(Duration.ofMillis(500), impact -> {
                    if (filter.test(impact)) {
                        printer.accept(impact);
                    }
                });
                printer.flush();
            }
        }
        return 0;
    }

}
