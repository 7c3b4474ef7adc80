package io.tip.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tip.app.config.TipSettings;
import io.tip.app.format.EventLines;
import io.tip.app.trial.ThesisChoice;
import io.tip.app.trial.TrialSummary;
import io.tip.engine.OfflineEvaluator;
import io.tip.engine.OfflineEvaluator.Evaluation;
import io.tip.model.MarketEvent;
import io.tip.notes.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Try a vault against a file of events, offline (no Kafka): the same matching, propagation, dedupe and "
                + "state fold as the pipeline; prints each impact as `tip demo` does, then a summary per thesis.",
        footer = {"", "Exit codes: 0 fine, 1 bad event lines or a bad argument, 2 the vault has errors.",
                "", "Examples:", "  tip test examples/vault examples/events.jsonl",
                "  tip test ~/vault events.jsonl --thesis training-inference-convergence",
                "  tip test ~/vault events.jsonl --json | jq 'select(.summary == null) | .thesisId'"})
public final class TestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VAULT", description = "Folder of Markdown notes.")
    Path vault;

    @Parameters(index = "1", paramLabel = "EVENTS", description = "JSON-lines file of market events, evaluated in file order.")
    Path events;

    @Option(names = "--thesis", paramLabel = "ID|TITLE", description = "Report on this thesis only (every thesis is still evaluated: impacts propagate).")
    String thesis;

    @Option(names = "--json", description = "One JSON object per impact, then one {\"summary\": ...} object.")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with pipeline settings (propagation.max.depth, ...).")
    Path config;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "Any single pipeline setting, e.g. -D propagation.max.depth=2.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        Vault read = VaultReading.readClean(vault, "fix them and run `tip test` again");
        if (!Files.isReadable(events)) {
            throw new UserError("cannot read events file " + events + ": give a JSON-lines file of events (try examples/events.jsonl)");
        }
        ThesisChoice choice = ThesisChoice.of(read, thesis);
        TipSettings settings = TipSettings.load(config, System.getenv(), overrides);
        OfflineEvaluator evaluator = new OfflineEvaluator(settings.engine(), read.theses(), read.implications(), read.entities());
        TrialSummary summary = new TrialSummary(choice);
        ImpactPrinter printer = new ImpactPrinter(json);
        // Every event of the file is taken as published at once, as `tip publish` would: a repeated id is a re-send.
        long publishedAt = System.currentTimeMillis();
        EventLines.Result result;
        try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            result = EventLines.read(reader, events.toString(), new EventLines.Sink() {
                @Override
                public void event(long line, MarketEvent event) {
                    Evaluation evaluation = evaluator.evaluate(event.getId(), event, publishedAt);
                    if (evaluation.rejection() != null) {
                        System.err.println(events + ":" + line + ": rejected (the dead-letter topic would get it): " + evaluation.rejection());
                    }
                    summary.add(evaluation).forEach(printer);
                    printer.flush(); // an event's impacts together: downstream ones under their source, as tip demo prints them
                }

                @Override
                public void error(long line, String message) {
                    System.err.println(events + ":" + line + ": " + message);
                }
            });
        }
        if (json) {
            System.out.println("{\"summary\":" + summary.json(evaluator.states()) + "}");
        } else {
            summary.lines(evaluator.states()).forEach(System.out::println);
        }
        if (result.errors() > 0) {
            throw new UserError(result.errors() + " line(s) of " + events + " are not events (above); the rest were evaluated");
        }
        return 0;
    }
}
