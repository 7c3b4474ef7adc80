package io.tip.notes;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong in a note, at a line of it.
 *
 * @param file the note's path relative to the vault
 * @param line 1-based
 */
public record Problem(Path file, int line, Severity severity, String message) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(Path file, int line, String message) {
        return new Problem(file, line, Severity.ERROR, message);
    }

    public static Problem warning(Path file, int line, String message) {
        return new Problem(file, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code notes/Long Broadcom.md:12: message}, warnings marked so they stand apart from errors. */
    @Override
    public String toString() {
        String path = file.toString().replace('\\', '/');
        return path + ":" + line + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
