package io.tip.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the tests use as a user would: the example vault, events and schemas. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("tip.repo.root", "../..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("examples/vault"))) {
            throw new IllegalStateException("cannot find the repository root (examples/vault) from " + root);
        }
        return root;
    }

    static Path exampleVault() {
        return root().resolve("examples/vault");
    }

    /** A copy of the example vault to change in a test. */
    static void copyExampleVault(Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(exampleVault())) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    static Path exampleEvents() {
        return root().resolve("examples/events.jsonl");
    }

    static Path marketEventSchema() {
        return root().resolve("schemas/market_event.avsc");
    }
}
