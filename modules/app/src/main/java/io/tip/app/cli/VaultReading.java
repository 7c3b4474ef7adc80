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

    /** Problems name the note relative to the vault; the user typed the vault's path, so show both. */
    static String located(Path vault, Problem problem) {
        return vault.resolve(problem.file()).normalize().toString().replace('\\', '/')
                + problem.toString().substring(problem.file().toString().length());
    }
}
