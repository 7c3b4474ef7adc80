package io.tip.notes.internal.markdown;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.Arrays;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The YAML between the opening and closing {@code ---} lines. commonmark finds the block (so it is
 * not rendered as Markdown); SnakeYAML reads it, because commonmark's reader accepts anything and
 * an analyst deserves to hear that {@code tags: [a, b} is broken.
 */
record FrontMatter(List<String> tags, List<String> aliases, Optional<String> type, Optional<String> kind,
                   Optional<String> updated, int updatedLine) {
    static final FrontMatter NONE = new FrontMatter(List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), 0);

    /** Thrown with the 1-based line (within the YAML text) of what could not be read. */
    static final class Unreadable extends Exception {
        final int line;

        Unreadable(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    static FrontMatter read(String yaml) throws Unreadable {
        Object document;
        try {
            // SafeConstructor: plain maps, lists and scalars only, never arbitrary Java objects
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new Unreadable(e.getProblem(), line);
        } catch (YAMLException e) {
            throw new Unreadable(e.getMessage(), 1);
        }
        if (document == null) {
            return NONE;
        }
        if (!(document instanceof Map)) {
            throw new Unreadable("expected key: value lines such as tags: [chips]", 1);
        }
        Map<?, ?> fields = (Map<?, ?>) document;
        return new FrontMatter(list(fields.get("tags")), list(fields.get("aliases")),
                scalar(fields.get("type")), scalar(fields.get("kind")), updated(fields.get("updated")), lineOf(yaml, "updated"));
    }

    /**
     * SnakeYAML reads {@code updated: 2025-12-30} as a {@link Date} (YAML's timestamp type), at UTC
     * midnight; anything else stays text for the parser to check.
     */
    private static Optional<String> updated(Object value) {
        if (value instanceof Date) {
            return Optional.of(((Date) value).toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        return scalar(value);
    }

    /** 1-based line of {@code key:} within the YAML text, 1 when not found. */
    private static int lineOf(String yaml, String key) {
        List<String> lines = yaml.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("(?i)" + key + "\\s*:.*")) {
                return i + 1;
            }
        }
        return 1;
    }

    /** A YAML list, or one string of names separated by commas (tags also by spaces). */
    private static List<String> list(Object value) {
        Stream<?> items = value instanceof Collection ? ((Collection<?>) value).stream()
                : value == null ? Stream.empty() : Arrays.stream(String.valueOf(value).split(","));
        return items.filter(v -> v != null).map(v -> String.valueOf(v).strip()).filter(v -> !v.isEmpty())
                .collect(Collectors.toList());
    }

    private static Optional<String> scalar(Object value) {
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value).strip());
    }
}
