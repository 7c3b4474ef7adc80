package io.tip.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A vault written by a test, note by note. */
final class TempVault {
    private final Path dir;

    TempVault(Path dir) {
        this.dir = dir;
    }

    TempVault note(String name, String... lines) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Vault read() {
        try {
            return Vault.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems as {@code tip lint} prints them. */
    List<String> lint() {
        return read().problems().stream().map(Problem::toString).collect(Collectors.toList());
    }
}
