package io.tip.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tip.notes.Problem;
import io.tip.notes.Vault;

/** Reads a vault for a command, with the errors a user can act on. */
final class VaultReading {
    private VaultReading() {
    }

    static Vault read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserError("no vault at " + dir + ": give a folder of Markdown notes (try examples/vault)");
        }
        return Vault.read(dir);
    }

    /**
     * Reads a vault that must be free of errors: each error printed as {@code file:line: message},
     * then a user error (exit 2, as `tip lint` problems are for the commands that try a vault).
     */
    static Vault readClean(Path dir, String whatToDo) throws IOException {
        Vault read = read(dir);
        if (read.hasErrors()) {
            read.errors().forEach(p -> System.err.println(located(dir, p)));
            throw new UserError("the vault has errors (above); " + whatToDo, 2);
        }
        return read;
    }

    /** Problems name the note relative to the vault; the user typed the vault's path, so show both. */
    static String located(Path vault, Problem problem) {
        return vault.resolve(problem.file()).normalize().toString().replace('\\', '/')
                + problem.toString().substring(problem.file().toString().length());
    }
}
