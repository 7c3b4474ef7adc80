package io.tip.app.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import io.tip.model.MarketEvent;

/**
 * Reads JSON-lines events one at a time. A bad line is reported as {@code name:line: message} and
 * reading goes on, so nothing after it is lost. Blank lines and lines starting with # are skipped.
 */
public final class EventLines {
    private EventLines() {
    }

    public record Result(long events, long errors) {
    }

    public static Result read(BufferedReader reader, String name, Consumer<MarketEvent> events, Consumer<String> errors) {
        return read(reader, name, new Sink() {
            @Override
            public void event(long line, MarketEvent event) {
                events.accept(event);
            }

            @Override
            public void error(long line, String message) {
                errors.accept(name + ":" + line + ": " + message);
            }
        });
    }

    /** Where each line goes: a parsed event, or the reason it is not one, with its line number. */
    public interface Sink {
        void event(long line, MarketEvent event);

        void error(long line, String message);
    }

    /** Reads every line of {@code reader}; {@code name} (a file name, or "the request body") is what a read failure names. */
    public static Result read(BufferedReader reader, String name, Sink sink) {
        long ok = 0;
        long bad = 0;
        long lineNumber = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                MarketEvent event;
                try {
                    event = EventJson.parse(trimmed);
                } catch (IllegalArgumentException e) {
                    bad++;
                    sink.error(lineNumber, e.getMessage());
                    continue;
                }
                sink.event(lineNumber, event);
                ok++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " at line " + (lineNumber + 1) + ": " + e.getMessage(), e);
        }
        return new Result(ok, bad);
    }
}
