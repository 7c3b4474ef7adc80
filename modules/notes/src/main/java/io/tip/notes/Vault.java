package io.tip.notes;

import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Thesis;
import io.tip.notes.internal.markdown.NoteParser;
import io.tip.notes.internal.markdown.ParsedNote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A folder of Markdown notes read into the records of the {@code theses}, {@code implications} and
 * {@code entities} tables, with every problem found on the way.
 */
public record Vault(List<Thesis> theses, List<Implication> implications, List<Entity> entities, List<Problem> problems,
                    List<String> explanations) {
    /**
     * Largest note read, in bytes. The longest note of the example vault is ~6 KB and the seed note ~9 KB;
     * a file a hundred times that is not a note someone wrote, and reading it could exhaust the heap.
     */
    public static final int MAX_NOTE_BYTES = 1024 * 1024;

    /**
     * @param explanations what was understood of each note, in path order, as {@code tip lint --explain}
     *                     prints it: {@code Long Broadcom.md: thesis, 3 signals, ...; not read: ## Appendix}
     */
    public Vault {
        theses = List.copyOf(theses);
        implications = List.copyOf(implications);
        entities = List.copyOf(entities);
        problems = List.copyOf(problems);
        explanations = List.copyOf(explanations);
    }

    /**
     * Reads every {@code .md} file under {@code dir} (hidden folders such as {@code .obsidian} skipped),
     * in path order, so the same vault always gives the same records and problems. A symbolic link that
     * leads outside the vault is not followed (a warning), and a note above {@link #MAX_NOTE_BYTES} is
     * not read (an error).
     */
    public static Vault read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder of notes");
        }
        Path root = dir.toRealPath();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            // Linked folders are listed (to be checked below), never walked into: Files.walk does not follow links.
            files = walk.filter(p -> Files.isRegularFile(p) && isNote(dir.relativize(p))
                            || Files.isSymbolicLink(p) && Files.isDirectory(p) && !isHidden(dir.relativize(p)))
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString()))
                    .collect(Collectors.toList());
        }
        List<ParsedNote> notes = new ArrayList<>();
        List<Problem> unread = new ArrayList<>();
        for (Path file : files) {
            Path relative = dir.relativize(file);
            if (!file.toRealPath().startsWith(root)) {
                unread.add(Problem.warning(relative, 1, "a symbolic link to " + file.toRealPath()
                        + ", outside the vault: not read (copy the note into the vault to load it)"));
                continue;
            }
            if (Files.isDirectory(file)) {
                continue; // a link to a folder inside the vault: its notes are read where they are
            }
            long size = Files.size(file);
            if (size > MAX_NOTE_BYTES) {
                unread.add(Problem.error(relative, 1, "the note is " + size + " bytes, more than the " + MAX_NOTE_BYTES
                        + " a note may have: not read (split it, or move what is not a note out of the vault)"));
                continue;
            }
            byte[] content = Files.readAllBytes(file);
            notes.add(NoteParser.parse(relative, content, version(relative, content)));
        }
        return assemble(notes, unread);
    }

    /** A {@code .md} file outside hidden folders: what {@link #read} reads. */
    public static boolean isNote(Path relative) {
        return relative.getFileName() != null && relative.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")
                && !isHidden(relative);
    }

    /** Inside a folder (or itself a file) whose name starts with '.', such as {@code .obsidian/}. */
    public static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Vault assemble(List<ParsedNote> notes, List<Problem> unread) {
        List<Thesis> theses = new ArrayList<>();
        List<Implication> implications = new ArrayList<>();
        List<Entity> entities = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(unread);
        List<String> explanations = new ArrayList<>();
        Map<String, ParsedNote> byId = new HashMap<>();
        Set<String> names = new HashSet<>();
        notes.forEach(n -> names.addAll(n.names()));
        Set<String> implied = new HashSet<>();
        notes.forEach(n -> n.implications().forEach(i -> implied.add(i.getTo())));
        for (ParsedNote note : notes) {
            problems.addAll(note.problems());
            if (note.id().isEmpty()) {
                continue; // a digest tip wrote (front matter type: digest): tip's output, not the analyst's knowledge
            }
            Set<String> reported = new HashSet<>();
            for (ParsedNote.Link link : note.links()) {
                String target = Slug.of(link.target());
                if (!names.contains(target) && reported.add(target)) {
                    problems.add(Problem.warning(note.file(), link.line(),
                            "[[" + link.target() + "]] links to no note in the vault (create it, or fix the name)"));
                }
            }
            ParsedNote first = byId.putIfAbsent(note.id(), note);
            if (first != null) {
                problems.add(Problem.error(note.file(), note.titleLine(), "duplicate id '" + note.id() + "': "
                        + first.file().toString().replace('\\', '/') + " has the same title (rename one of them)"));
                explanations.add(NoteExplanation.duplicate(note, first));
                continue;
            }
            // a note with an error has its error to fix first; its signals may be the ones that failed
            note.thesis().filter(t -> t.getSignals().isEmpty() && t.getEntities().isEmpty() && !implied.contains(t.getId()))
                    .filter(t -> note.problems().stream().noneMatch(Problem::isError))
                    .ifPresent(t -> problems.add(Problem.warning(note.file(), note.titleLine(), "thesis '" + t.getTitle()
                            + "' can never move: no signals, no linked entity, no implication "
                            + "leads to it (add a ## Signals table, or link the companies it is about)")));
            explanations.add(NoteExplanation.of(note));
            note.thesis().ifPresent(theses::add);
            note.entity().ifPresent(entities::add);
            implications.addAll(note.implications());
        }
        problems.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
        return new Vault(theses, implications, entities, problems, explanations);
    }

    /** The note's content version: changes whenever its bytes or its path do. */
    private static String version(Path relative, byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(relative.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(content)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).collect(Collectors.toList());
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
