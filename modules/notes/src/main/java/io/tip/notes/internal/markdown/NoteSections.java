package io.tip.notes.internal.markdown;

import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level blocks of a note: its H1, its first paragraph, and the blocks under each
 * {@code ## Heading} that names one of tip's {@link Section}s. Two headings naming the same section
 * ({@code ## Risks} and {@code ## Counter-arguments}) are read as one section, in note order.
 */
final class NoteSections {
    private final Heading title;
    private final Paragraph summary;
    private final Map<Section, List<Node>> sections;
    private final Map<Section, Heading> headings;
    private final List<Paragraph> paragraphs;
    private final List<Heading> unread;
    private final List<Heading> misplaced;

    private NoteSections(Heading title, Paragraph summary, Map<Section, List<Node>> sections, Map<Section, Heading> headings,
                         List<Paragraph> paragraphs, List<Heading> unread, List<Heading> misplaced) {
        this.title = title;
        this.summary = summary;
        this.sections = sections;
        this.headings = headings;
        this.paragraphs = paragraphs;
        this.unread = unread;
        this.misplaced = misplaced;
    }

    static NoteSections of(Node document) {
        Heading title = null;
        Paragraph summary = null;
        boolean pastIntro = false;
        Map<Section, List<Node>> sections = new EnumMap<>(Section.class);
        Map<Section, Heading> headings = new EnumMap<>(Section.class);
        List<Paragraph> paragraphs = new ArrayList<>();
        List<Heading> unread = new ArrayList<>();
        List<Heading> misplaced = new ArrayList<>();
        List<Node> current = null;
        Section currentSection = null;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading) {
                Heading heading = (Heading) block;
                if (heading.getLevel() == 1 && title == null && !pastIntro) {
                    title = heading;
                    continue;
                }
                pastIntro = true;
                Optional<Section> named = Section.named(InlineText.display(heading));
                if (heading.getLevel() <= 2) {
                    currentSection = named.orElse(null);
                    if (named.isPresent()) {
                        headings.putIfAbsent(named.get(), heading);
                        current = sections.computeIfAbsent(named.get(), k -> new ArrayList<>());
                    } else {
                        unread.add(heading);
                        current = null;
                    }
                    continue;
                }
                if (named.isPresent() && named.get() != currentSection) {
                    misplaced.add(heading);
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
        return new NoteSections(title, summary, sections, headings, paragraphs, unread, misplaced);
    }

    Optional<Heading> title() {
        return Optional.ofNullable(title);
    }

    /** The statement: the first paragraph of prose before any section. */
    Optional<Paragraph> summary() {
        return Optional.ofNullable(summary);
    }

    /** The blocks under every heading that names this section, empty when the note has none. */
    List<Node> section(Section section) {
        return sections.getOrDefault(section, List.of());
    }

    /** The first heading of each section the note has. */
    Map<Section, Heading> headings() {
        return headings;
    }

    /** Every top-level paragraph, wherever it is (Updated and Related lines may sit in any section). */
    List<Paragraph> paragraphs() {
        return paragraphs;
    }

    /** {@code ##} headings that name no section: their content is the analyst's own, not read by tip. */
    List<Heading> unread() {
        return unread;
    }

    /** {@code ###} headings that name a section inside another one ({@code ### Signals} under {@code ## Notes}). */
    List<Heading> misplaced() {
        return misplaced;
    }
}
