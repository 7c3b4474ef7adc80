package io.tip.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.tip.notes.Problem;
import io.tip.notes.Vault;
import io.tip.notes.VaultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check a vault of thesis notes: every problem as file:line: message; exits 1 on any error.",
        footer = {"", "Examples:", "  tip lint examples/vault", "  tip lint examples/vault --explain",
                "  tip lint examples/vault --json > records.json"})
public final class LintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "VAULT", description = "Folder of Markdown notes.")
    Path vault;

    @Option(names = "--json", description = "Print the records that would be loaded (theses, implications, entities, problems) as one JSON document.")
    boolean json;

    @Option(names = "--explain", description = "Print, per note, what was understood: thesis or entity, its signals, "
            + "implications by polarity, counter-arguments, and the ## headings that were not read.")
    boolean explain;

    @Override
    public Integer call() throws IOException {
        Vault read = VaultReading.read(vault);
        for (Problem problem : read.problems()) {
            System.err.println(VaultReading.located(vault, problem));
        }
        if (explain) {
            read.explanations().forEach(System.out::println);
        }
        if (json) {
            System.out.println(VaultJson.render(read));
        } else {
            System.out.printf("%d theses, %d implications, %d entities; %d error(s), %d warning(s)%n",
                    read.theses().size(), read.implications().size(), read.entities().size(),
                    read.errors().size(), read.problems().size() - read.errors().size());
        }
        return read.hasErrors() ? 1 : 0;
    }
}
