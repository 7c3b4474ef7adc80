package io.tip.app.cli;

import java.util.function.Consumer;

import io.tip.app.format.ImpactJson;
import io.tip.app.format.ImpactText;
import io.tip.model.ThesisImpact;

/** Prints each impact on its own line of standard output, readable or as JSON, flushed at once for pipes. */
record ImpactPrinter(boolean json) implements Consumer<ThesisImpact> {
    @Override
    public void accept(ThesisImpact impact) {
        System.out.println(json ? ImpactJson.line(impact) : ImpactText.line(impact));
        System.out.flush();
    }
}
