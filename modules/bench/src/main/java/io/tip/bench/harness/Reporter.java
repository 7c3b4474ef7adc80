package io.tip.bench.harness;

/** Where a run says what it is doing; long work shows progress. */
@FunctionalInterface
public interface Reporter {
    void progress(String line);
}
