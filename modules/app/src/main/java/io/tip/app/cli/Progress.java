package io.tip.app.cli;

import java.io.PrintStream;

/**
 * A running count on one terminal line, redrawn at most a few times a second, for long work. Drawn
 * only on a terminal: in a log file the redraws would be noise.
 */
final class Progress {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final String verb;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long count;
    private long lastDraw = started;
    private final boolean terminal = System.console() != null;
    private boolean drawn;

    Progress(String verb, PrintStream out) {
        this.verb = verb;
        this.out = out;
    }

    void tick() {
        count++;
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            drawn = true;
            double seconds = (now - started) / 1e9;
            out.printf("\r%s %,d (%,.0f/s)", verb, count, count / Math.max(seconds, 1e-9));
            out.flush();
        }
    }

    void done() {
        if (drawn) {
            out.print("\r" + " ".repeat(60) + "\r");
            out.flush();
        }
    }
}
