package io.tip.notes.internal.markdown;

import io.tip.model.Entity;
import io.tip.model.Evidence;
import io.tip.model.Implication;
import io.tip.model.Polarity;
import io.tip.model.Signal;
import io.tip.model.Stance;
import io.tip.model.Thesis;
import io.tip.notes.Problem;
import io.tip.notes.Slug;
import io.tip.rules.Rule;
import io.tip.rules.RuleSyntaxException;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads one Markdown note into records, following the conventions in docs/notes.md. */
public final class NoteParser {
    private static final Parser MARKDOWN = Parser.builder()
            .extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    /**
     * The marker after an implication's target: {@code (+)} or {@code (-)}, optionally with a weight
     * ({@code (+ 0.5)}, {@code (-, weight 0.5)}), or a weight alone for a REVIEW implication ({@code (weight 0.5)}).
     * A number needs the sign or the word, so a topic such as "chips (2024)" keeps its name.
     */
    private static final Pattern POLARITY = Pattern.compile(
            "\\(\\s*(?:([+-])(?:\\s*,?\\s*(?:weight\\s*)?([0-9]*\\.?[0-9]+))?|weight\\s*([0-9]*\\.?[0-9]+))\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    /** Front matter {@code type:} of the notes {@code tip digest} writes; the vault skips them. */
    public static final String DIGEST = "digest";
    private static final Pattern UPDATED = Pattern.compile("(?i)updated:?\\s+(.*)");
    private static final Pattern RELATED = Pattern.compile("(?i)related:.*");
    /** A Dataview inline field, {@code status:: active}. */
    private static final Pattern DATAVIEW_FIELD = Pattern.compile("[\\p{L}\\p{N}_ -]+::.*");
    /** A date, optionally followed by a time, as Obsidian plugins write {@code updated: 2025-12-30 14:03}. */
    private static final Pattern FRONT_MATTER_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[T ].*)?");
    private static final Pattern FRONT_MATTER_END = Pattern.compile("(---|\\.\\.\\.)\\s*");
    /** Note types in front matter; the last three are entities of that kind. */
    private static final List<String> TYPES = List.of("thesis", "entity", "company", "person", "product");

    private final Path file;
    private final String text;
    private final List<String> lines;
    private final List<Problem> problems = new ArrayList<>();

    private NoteParser(Path file, String text) {
        this.file = file;
        this.text = text;
        this.lines = text.lines().collect(Collectors.toList());
    }

    /**
     * @param file    the note's path relative to the vault
     * @param version the note's content version
     */
    public static ParsedNote parse(Path file, byte[] content, String version) {
        return new NoteParser(file, new String(content, StandardCharsets.UTF_8)).read(version);
    }

    private ParsedNote read(String version) {
        Node document = MARKDOWN.parse(lines.stream().map(WikiLink::escapePipesInTableRows).collect(Collectors.joining("\n")));
        FrontMatter frontMatter = frontMatter(document);
        NoteSections sections = NoteSections.of(document);
        String fileName = file.getFileName().toString().replaceFirst("(?i)\\.md$", "");
        String title = sections.title().map(InlineText::display).orElse(fileName);
        int titleLine = sections.title().map(InlineText::line).orElse(1);
        String id = Slug.of(title);

        List<ParsedNote.Link> links = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        frontMatter.tags().forEach(t -> tags.addAll(splitTags(t)));
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                WikiLink.in(text.getLiteral()).forEach(l -> links.add(new ParsedNote.Link(l.target(), InlineText.line(text))));
                tags.addAll(InlineTags.in(text.getLiteral()));
            }
        });

        Set<String> names = new LinkedHashSet<>(List.of(Slug.of(title), Slug.of(fileName)));
        frontMatter.aliases().forEach(a -> names.add(Slug.of(a)));
        checkHeadings(sections);
        List<String> unread = sections.unread().stream().map(h -> "#".repeat(h.getLevel()) + " " + InlineText.display(h))
                .collect(Collectors.toList());

        String type = frontMatter.type().map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
        if (type.equals(DIGEST)) {
            // tip's own output (`tip digest`): its links point at theses, but it is no thesis or entity itself,
            // and nothing in it is the analyst's to fix.
            return new ParsedNote(file, "", titleLine, Optional.empty(), Optional.empty(), List.of(), Set.of(), List.of(), List.of(), List.of());
        }
        if (!type.isEmpty() && !TYPES.contains(type)) {
            problems.add(Problem.error(file, 1, "unknown note type '" + type + "' in front matter (use thesis, entity, company, person or product)"));
        }
        boolean isEntity = !type.isEmpty() && !type.equals("thesis") && TYPES.contains(type) || type.isEmpty() && tags.contains("company");
        if (isEntity) {
            sections.headings().forEach((section, heading) -> problems.add(Problem.warning(file, InlineText.line(heading),
                    section.heading() + " is not read in an entity note (entities have aliases and tags only; "
                            + "write type: thesis in the front matter to make it a thesis)")));
            String kind = frontMatter.kind().orElse(type.equals("entity") || type.isEmpty() ? "company" : type);
            Entity entity = Entity.newBuilder().setId(id).setName(title).setAliases(frontMatter.aliases())
                    .setTags(List.copyOf(tags)).setKind(kind)
                    .setSourcePath(pathText()).setSourceLine(titleLine).build();
            return new ParsedNote(file, id, titleLine, Optional.empty(), Optional.of(entity), List.of(), names, links, unread, problems);
        }

        List<Implication> implications = implications(id, sections.section(Section.IMPLICATIONS));
        Thesis thesis = Thesis.newBuilder()
                .setId(id).setTitle(title).setAliases(frontMatter.aliases())
                .setSummary(sections.summary().map(InlineText::display).orElse(""))
                .setTags(List.copyOf(tags))
                .setEntities(links.stream().map(ParsedNote.Link::target).distinct().collect(Collectors.toList()))
                .setSignals(signals(sections.section(Section.SIGNALS)))
                .setEvidence(evidence(sections.section(Section.EVIDENCE)))
                .setCounterArguments(counterArguments(sections.section(Section.COUNTER_ARGUMENTS)))
                .setRelated(related(sections.paragraphs()))
                .setUpdated(updated(sections.paragraphs(), frontMatter))
                .setSourcePath(pathText()).setSourceLine(titleLine).setVersion(version)
                .build();
        return new ParsedNote(file, id, titleLine, Optional.of(thesis), Optional.empty(), implications, names, links, unread, problems);
    }

    /** A heading that looks like one of tip's sections but is not read as one is a warning at its line. */
    private void checkHeadings(NoteSections sections) {
        for (Heading heading : sections.unread()) {
            Section.nearMiss(InlineText.display(heading)).ifPresent(section -> problems.add(Problem.warning(file, InlineText.line(heading),
                    "'" + "#".repeat(heading.getLevel()) + " " + InlineText.display(heading) + "' is not a section tip reads: did you mean "
                            + section.heading() + "? (its other names are in docs/notes.md)")));
        }
        for (Heading heading : sections.misplaced()) {
            Section section = Section.named(InlineText.display(heading)).orElseThrow();
            problems.add(Problem.warning(file, InlineText.line(heading), "'" + "#".repeat(heading.getLevel()) + " "
                    + InlineText.display(heading) + "' is not read: it sits inside another section (write it as " + section.heading() + ")"));
        }
    }

    private String pathText() {
        return file.toString().replace('\\', '/');
    }

    private FrontMatter frontMatter(Node document) {
        if (!(document.getFirstChild() instanceof YamlFrontMatterBlock)) {
            return FrontMatter.NONE;
        }
        int open = InlineText.line(document.getFirstChild());
        int close = open;
        while (close < lines.size() && !FRONT_MATTER_END.matcher(lines.get(close)).matches()) {
            close++;
        }
        if (close == lines.size()) {
            problems.add(Problem.error(file, open, "front matter is never closed (end it with a line ---)"));
            return FrontMatter.NONE;
        }
        try {
            FrontMatter read = FrontMatter.read(String.join("\n", lines.subList(open, close)));
            return new FrontMatter(read.tags(), read.aliases(), read.type(), read.kind(), read.updated(), open + read.updatedLine());
        } catch (FrontMatter.Unreadable e) {
            problems.add(Problem.error(file, open + e.line, "unreadable front matter: " + e.getMessage()));
            return FrontMatter.NONE;
        }
    }

    private static List<String> splitTags(String value) {
        List<String> tags = new ArrayList<>();
        for (String tag : value.split("[\\s,]+")) {
            String bare = tag.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
            if (!bare.isEmpty()) {
                tags.add(bare);
            }
        }
        return tags;
    }

    /** Every table of the section, in order: a second table is read like the first. */
    private static List<NoteTable> tables(List<Node> section) {
        return section.stream().filter(TableBlock.class::isInstance).map(b -> new NoteTable((TableBlock) b)).collect(Collectors.toList());
    }

    private List<Evidence> evidence(List<Node> section) {
        List<Evidence> evidence = new ArrayList<>();
        for (NoteTable table : tables(section)) {
            int company = table.column("company");
            int action = table.column("action");
            int date = table.column("date");
            int stance = table.column("stance");
            if (company < 0 && action < 0) {
                problems.add(Problem.warning(file, table.line(), "this table under ## Evidence has no Company or Action column, "
                        + "so it is not read (columns: Company | Action | Date, optional Stance)"));
                continue;
            }
            for (NoteTable.Row row : table.rows()) {
                String stanceText = row.text(stance);
                Stance parsed = null;
                if (!stanceText.isEmpty()) {
                    Optional<Stance> known = Stances.parse(stanceText);
                    if (known.isEmpty()) {
                        problems.add(Problem.error(file, row.line(), Stances.unknown(stanceText)));
                    }
                    parsed = known.orElse(null);
                }
                evidence.add(Evidence.newBuilder().setCompany(row.linkTargets(company)).setAction(row.linkTargets(action))
                        .setDate(row.linkTargets(date)).setStance(parsed).build());
            }
        }
        return evidence;
    }

    private List<Signal> signals(List<Node> section) {
        List<Signal> signals = new ArrayList<>();
        for (NoteTable table : tables(section)) {
            int stance = table.column("stance");
            int when = table.column("when");
            if (stance < 0 || when < 0) {
                problems.add(Problem.error(file, table.line(), "signals table has no " + (when < 0 ? "When" : "Stance")
                        + " column (columns: Stance | When | Why, optional Weight)"));
                continue;
            }
            int why = table.column("why");
            int weight = table.column("weight");
            for (NoteTable.Row row : table.rows()) {
                signal(row, stance, when, why, weight).ifPresent(signals::add);
            }
        }
        return signals;
    }

    /** A row becomes a signal only when all of it is valid; each mistake is reported at the row. */
    private Optional<Signal> signal(NoteTable.Row row, int stanceColumn, int whenColumn, int whyColumn, int weightColumn) {
        int errorsBefore = problems.size();
        String stanceText = row.text(stanceColumn);
        Optional<Stance> stance = Stances.parse(stanceText);
        if (stance.isEmpty()) {
            problems.add(Problem.error(file, row.line(), Stances.unknown(stanceText)));
        }
        String when = row.raw(whenColumn);
        try {
            Rule.parse(when);
        } catch (RuleSyntaxException e) {
            problems.add(Problem.error(file, row.line(), "malformed rule '" + when + "': " + e.getMessage()));
        }
        String weightText = row.text(weightColumn);
        double weight = weightText.isEmpty() ? 1.0 : weight(weightText);
        if (!(weight >= 0 && weight <= 1)) {
            problems.add(Problem.error(file, row.line(), "weight '" + weightText + "' is not a number from 0 to 1"));
        }
        if (problems.size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(Signal.newBuilder().setStance(stance.get()).setRule(when).setWhy(row.text(whyColumn))
                .setWeight(weight).setLine(row.line()).build());
    }

    private static double weight(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Implication blocks in any of the three styles analysts write: a bold line {@code **For X:**},
     * a heading {@code ### For X (+)}, or a list item {@code - **For X (+):** text}; each takes the
     * bullets and paragraphs under it. Text under the section that belongs to no block is a warning.
     */
    private List<Implication> implications(String fromId, List<Node> section) {
        List<Implication> implications = new ArrayList<>();
        Implication.Builder current = null;
        for (Node block : section) {
            if (block instanceof Heading) {
                // ### For [[X]] (+) starts a block; any other sub-heading only groups blocks, and ends the one before it
                finish(current, implications);
                current = implicationStart(fromId, InlineText.raw(block), "", InlineText.line(block)).orElse(null);
            } else if (block instanceof Paragraph) {
                Optional<Implication.Builder> start = boldStart(fromId, (Paragraph) block);
                if (start.isPresent()) {
                    finish(current, implications);
                    current = start.get();
                } else if (current != null) {
                    current.getStatements().add(InlineText.display(block));
                } else {
                    orphan(block);
                }
            } else if (block instanceof ListBlock) {
                for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                    Optional<Implication.Builder> start = item.getFirstChild() instanceof Paragraph
                            ? boldStart(fromId, (Paragraph) item.getFirstChild()) : Optional.empty();
                    if (start.isPresent()) {
                        finish(current, implications);
                        current = start.get();
                        for (Node child = item.getFirstChild().getNext(); child != null; child = child.getNext()) {
                            current.getStatements().addAll(listItems(child));
                        }
                    } else if (current != null) {
                        current.getStatements().addAll(listItems(item));
                    } else {
                        orphan(item);
                    }
                }
            } else if (!(block instanceof ThematicBreak)) {
                orphan(block);
            }
        }
        finish(current, implications);
        return implications;
    }

    private void orphan(Node block) {
        problems.add(Problem.warning(file, InlineText.line(block),
                "this text under ## Implications belongs to no implication, so it is not read (start a block with **For TARGET:**)"));
    }

    /** {@code **For X:** …}: a paragraph that starts with bold {@code For …}. */
    private Optional<Implication.Builder> boldStart(String fromId, Paragraph paragraph) {
        if (!(paragraph.getFirstChild() instanceof StrongEmphasis)) {
            return Optional.empty();
        }
        StringBuilder after = new StringBuilder();
        for (Node n = paragraph.getFirstChild().getNext(); n != null; n = n.getNext()) {
            after.append(InlineText.raw(n)).append(' ');
        }
        return implicationStart(fromId, InlineText.raw(paragraph.getFirstChild()), after.toString(), InlineText.line(paragraph));
    }

    /**
     * @param head  {@code For [[Target]] (+):}, the bold text or the heading
     * @param after the rest of the line, which may hold the polarity and a first statement
     */
    private Optional<Implication.Builder> implicationStart(String fromId, String head, String after, int line) {
        Optional<String> heading = ImplicationHeading.target(head);
        if (heading.isEmpty()) {
            return Optional.empty();
        }
        String target = heading.get();
        Polarity polarity = Polarity.REVIEW;
        Matcher sign = POLARITY.matcher(target);
        if (sign.find()) {
            target = (target.substring(0, sign.start()) + target.substring(sign.end())).strip().replaceFirst(":$", "").strip();
        } else {
            sign = POLARITY.matcher(after);
            if (!sign.find()) {
                sign = null;
            }
        }
        double weight = 1.0;
        if (sign != null) {
            if (sign.group(1) != null) {
                polarity = sign.group(1).equals("+") ? Polarity.SAME : Polarity.INVERSE;
            }
            String weightText = sign.group(2) != null ? sign.group(2) : sign.group(3);
            if (weightText != null) {
                weight = weight(weightText);
                if (!(weight >= 0 && weight <= 1)) {
                    problems.add(Problem.error(file, line, "implication weight '" + weightText
                            + "' is not a number from 0 to 1 (write e.g. (+ 0.5))"));
                    weight = 1.0;
                }
            }
        }
        List<WikiLink> links = WikiLink.in(target);
        String toName = links.isEmpty() ? target.strip() : links.get(0).target();
        List<String> statements = new ArrayList<>();
        String inline = POLARITY.matcher(after).replaceAll("").strip().replaceFirst("^:\\s*", "");
        if (!inline.isEmpty()) {
            statements.add(WikiLink.display(inline));
        }
        return Optional.of(Implication.newBuilder().setId(fromId + "--" + Slug.of(toName)).setFromThesis(fromId)
                .setTo(Slug.of(toName)).setToName(toName).setPolarity(polarity).setWeight(weight).setStatements(statements)
                .setSourcePath(pathText()).setSourceLine(line));
    }

    private void finish(Implication.Builder implication, List<Implication> implications) {
        if (implication == null) {
            return;
        }
        if (implication.getStatements().isEmpty()) {
            problems.add(Problem.warning(file, implication.getSourceLine(),
                    "implication for '" + implication.getToName() + "' has no bullets (list its statements under it)"));
        }
        boolean duplicate = implications.stream().anyMatch(i -> i.getId().equals(implication.getId()));
        if (duplicate) {
            problems.add(Problem.error(file, implication.getSourceLine(),
                    "second implication for '" + implication.getToName() + "' (merge its bullets into the first one)"));
        } else {
            implications.add(implication.build());
        }
    }

    /**
     * Paragraphs and bullets, up to the first block that is not the section's own: a rule, a table,
     * or the note's trailing {@code *Updated …*}, {@code Related: …} and Dataview {@code key:: value} lines.
     */
    private static List<String> counterArguments(List<Node> section) {
        List<String> arguments = new ArrayList<>();
        for (Node block : section) {
            if (block instanceof Heading) {
                continue; // ### Technical risks: a sub-heading of the section's own
            }
            if (block instanceof ListBlock) {
                arguments.addAll(listItems(block));
                continue;
            }
            if (!(block instanceof Paragraph) || isNoteTrailer((Paragraph) block)) {
                break;
            }
            arguments.add(InlineText.display(block));
        }
        return arguments;
    }

    private static boolean isNoteTrailer(Paragraph paragraph) {
        String raw = InlineText.raw(paragraph);
        return updatedLine(paragraph).isPresent() || RELATED.matcher(raw).matches()
                || DATAVIEW_FIELD.matcher(raw).matches() || InlineTags.onlyTags(raw);
    }

    private static List<String> related(List<Paragraph> paragraphs) {
        return paragraphs.stream().map(InlineText::raw).filter(t -> RELATED.matcher(t).matches())
                .flatMap(t -> WikiLink.in(t).stream()).map(WikiLink::target).distinct().collect(Collectors.toList());
    }

    /** The date of {@code *Updated 2025-12-30*}, when the paragraph is one. */
    private static Optional<String> updatedLine(Paragraph paragraph) {
        if (!(paragraph.getFirstChild() instanceof Emphasis)) {
            return Optional.empty();
        }
        Matcher m = UPDATED.matcher(InlineText.raw(paragraph.getFirstChild()));
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** The {@code *Updated …*} line's date, else front matter {@code updated:}; null when neither (or it is bad). */
    private String updated(List<Paragraph> paragraphs, FrontMatter frontMatter) {
        for (Paragraph paragraph : paragraphs) {
            Optional<String> date = updatedLine(paragraph);
            if (date.isPresent()) {
                try {
                    return LocalDate.parse(date.get()).toString();
                } catch (DateTimeParseException e) {
                    problems.add(Problem.error(file, InlineText.line(paragraph),
                            "bad Updated date '" + date.get() + "' (write *Updated YYYY-MM-DD*)"));
                    return null;
                }
            }
        }
        return updated(frontMatter);
    }

    /** Front matter {@code updated:}, read when the note has no {@code *Updated …*} line. */
    private String updated(FrontMatter frontMatter) {
        if (frontMatter.updated().isEmpty()) {
            return null;
        }
        String value = frontMatter.updated().get();
        Matcher m = FRONT_MATTER_DATE.matcher(value);
        try {
            if (m.matches()) {
                return LocalDate.parse(m.group(1)).toString();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(Problem.error(file, frontMatter.updatedLine(),
                "bad updated date '" + value + "' in front matter (write updated: YYYY-MM-DD)"));
        return null;
    }

    /** One entry per list item, nested items included, each as the reader sees it. */
    private static List<String> listItems(Node list) {
        List<String> items = new ArrayList<>();
        list.accept(new AbstractVisitor() {
            @Override
            public void visit(ListItem item) {
                StringBuilder text = new StringBuilder();
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Paragraph) {
                        text.append(InlineText.display(child)).append(' ');
                    }
                }
                if (!text.toString().isBlank()) {
                    items.add(text.toString().strip());
                }
                visitChildren(item);
            }
        });
        return items;
    }
}
