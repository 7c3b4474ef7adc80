package io.tip.notes.internal.markdown;

import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The top-level blocks of a note: its H1, its first paragraph, and the blocks under each {@code ## Heading}. */
final class NoteSections {
    private final Heading title;
    private final Paragraph summary;
    private final Map<String, List<Node>> sections;
    private final List<Paragraph> paragraphs;

    private NoteSections(Heading title, Paragraph summary, Map<String, List<Node>> sections, List<Paragraph> paragraphs) {
        this.title = title;
        this.summary = summary;
        this.sections = sections;
        this.paragraphs = paragraphs;
    }

    static NoteSections of(Node document) {
        Heading title = null;
        Paragraph summary = null;
        boolean pastIntro = false;
        Map<String, List<Node>> sections = new LinkedHashMap<>();
        List<Paragraph> paragraphs = new ArrayList<>();
        List<Node> current = null;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading) {
                Heading heading = (Heading) block;
                if (heading.getLevel() == 1 && title == null && !pastIntro) {
                    title = heading;
                    continue;
                }
                pastIntro = true;
                if (heading.getLevel() <= 2) {
                    // a note may repeat a heading; the first section of that name wins
                    current = sections.containsKey(key(heading)) ? new ArrayList<>() : sections.computeIfAbsent(key(heading), k -> new ArrayList<>());
                    continue;
                }
            }
            if (block instanceof Paragraph) {
                Paragraph paragraph = (Paragraph) block;
                paragraphs.add(paragraph);
                if (!pastIntro && summary == null && !InlineTags.onlyTags(InlineText.raw(paragraph))) {
                    summary = paragraph;
                }
            }
            if (current != null) {
                current.add(block);
            }
        }
        return new NoteSections(title, summary, sections, paragraphs);
    }

    private static String key(Heading heading) {
        return InlineText.display(heading).toLowerCase(Locale.ROOT);
    }

    Optional<Heading> title() {
        return Optional.ofNullable(title);
    }

    /** The statement: the first paragraph of prose before any section. */
    Optional<Paragraph> summary() {
        return Optional.ofNullable(summary);
    }

    /** The blocks under {@code ## Name} (case-insensitive), empty when the note has no such section. */
    List<Node> section(String name) {
        return sections.getOrDefault(name, List.of());
    }

    /** The first section whose heading starts so, e.g. {@code counter} for Counter-argument(s). */
    List<Node> sectionStartingWith(String prefix) {
        return sections.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .findFirst().orElse(List.of());
    }

    /** Every top-level paragraph, wherever it is (Updated and Related lines may sit in any section). */
    List<Paragraph> paragraphs() {
        return paragraphs;
    }
}
