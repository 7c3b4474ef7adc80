package io.tip.app.vault;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.tip.notes.Vault;

/**
 * Tells when notes in a vault changed: created, written, deleted or renamed, in any folder (new
 * folders are watched as they appear). Editors save in bursts — vim renames the note away, writes a
 * new one and deletes the backup; others write a temp file and rename it over the note — so changes
 * are reported once the vault has been quiet for {@link #QUIET}, as one batch of note paths. Files
 * that are not {@code .md} (swap files, {@code 4913}, {@code .tmp}) and hidden folders only count
 * when a note itself changed with them.
 */
public final class VaultWatcher implements AutoCloseable {
    /** Long enough to span one editor save (a few ms of renames and writes), short next to the 2 s save-to-live budget. */
    public static final Duration QUIET = Duration.ofMillis(150);

    private final Path vault;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();

    public VaultWatcher(Path vault) {
        this.vault = vault.toAbsolutePath().normalize();
        try {
            this.service = FileSystems.getDefault().newWatchService();
            registerTree(this.vault);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + vault, e);
        }
    }

    /**
     * Waits up to {@code timeout} for a change to a note, then until the vault is quiet.
     *
     * @return the changed notes relative to the vault; empty if nothing changed in time. A lost
     *         event (the OS queue overflowed) reports the vault itself, meaning "read everything".
     */
    public Set<Path> awaitChanges(Duration timeout) throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>();
        WatchKey key = service.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        while (key != null) {
            collect(key, changed);
            key = service.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS);
        }
        return changed;
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || folder == null) {
                changed.add(Path.of(""));
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            Path relative = vault.relativize(path);
            if (Vault.isHidden(relative)) {
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                registerQuietly(path);
                changed.add(relative); // a folder moved in may hold notes already
            } else if (Vault.isNote(relative) || event.kind() == ENTRY_DELETE && folders.containsValue(path)) {
                changed.add(relative); // a deleted folder's notes are gone with it
            }
        }
        if (!key.reset()) {
            folders.remove(key); // the folder is gone
        }
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) tree.filter(Files::isDirectory)::iterator) {
                if (!Vault.isHidden(vault.relativize(dir))) {
                    folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
                }
            }
        }
    }

    private void registerQuietly(Path dir) {
        try {
            registerTree(dir);
        } catch (NoSuchFileException e) {
            // created and removed again within the burst (an editor's temp folder)
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir, e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
