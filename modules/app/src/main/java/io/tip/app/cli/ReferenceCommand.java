package io.tip.app.cli;

import java.util.concurrent.Callable;

import io.tip.app.docs.Reference;
import picocli.CommandLine.Command;

@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Print every setting (with its TIP_* variable, default and doc) and every topic, as Markdown.",
        footer = {"", "Example:", "  tip reference > docs/reference.md"})
public final class ReferenceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.print(Reference.markdown());
        return 0;
    }
}
