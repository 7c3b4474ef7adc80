package io.tip.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.tip.app.format.ImpactJson;
import io.tip.app.format.ImpactText;
import io.tip.model.ThesisImpact;

/**
 * Prints impacts on standard output, flushed at once for pipes: as JSON, one object per impact as
 * it comes; readable, a poll's worth at a time, so downstream impacts print under their source.
 */
final class ImpactPrinter implements Consumer<ThesisImpact> {
    private final boolean json;
    private final List<ThesisImpact> batch = new ArrayList<>();

    ImpactPrinter(boolean json) {
        this.json = json;
    }

    @Override
    public void accept(ThesisImpact impact) {
        if (json) {
            System.out.println(ImpactJson.line(impact));
            System.out.flush();
        } else {
            batch.add(impact);
        }
    }

    /** Prints what was collected since the last call (after each poll). */
    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        ImpactText.lines(batch).forEach(System.out::println);
        System.out.flush();
        batch.clear();
    }
}
