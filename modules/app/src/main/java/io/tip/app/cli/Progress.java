package io.tip.app.cli;

import java.io.PrintStream;

/**
 * A running count on one terminal line, redrawn at most a few times a second, for long work; with
 * a known total it shows how far along it is and when it should end. Drawn only on a terminal: in a
 * log file the redraws would be noise.
 */
final class Progress {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final String verb;
    private final PrintStream out;
    private final long total;
    private final long started = System.nanoTime();
    private long count;
    private long lastDraw = started;
    private final boolean terminal = System.console() != null;
    private boolean drawn;

    Progress(String verb, PrintStream out) {
        this(verb, out, 0);
    }

    /** {@code total} 0 when unknown. */
    Progress(String verb, PrintStream out, long total) {
        this.verb = verb;
        this.out = out;
        this.total = total;
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
            double rate = count / Math.max(seconds, 1e-9);
            if (total > 0) {
                out.printf("\r%s %,d / %,d (%,.0f/s, ETA %,.0f s)   ", verb, count, total, rate, Math.max(0, total - count) / Math.max(rate, 1e-9));
            } else {
                out.printf("\r%s %,d (%,.0f/s)", verb, count, rate);
            }
            out.flush();
        }
    }

    void done() {
        if (drawn) {
            out.print("\r" + " ".repeat(78) + "\r");
            out.flush();
        }
    }
}
