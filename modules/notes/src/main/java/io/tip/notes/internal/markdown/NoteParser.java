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
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
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
    private static final Pattern IMPLICATION = Pattern.compile("(?i)for\\s+(.+?)\\s*:?");
    private static final Pattern POLARITY = Pattern.compile("\\(([+-])\\)");
    private static final Pattern UPDATED = Pattern.compile("(?i)updated:?\\s+(.*)");
    private static final Pattern RELATED = Pattern.compile("(?i)related:.*");
    private static final Pattern FRONT_MATTER_END = Pattern.compile("(---|\\.\\.\\.)\\s*");

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
        Node document = MARKDOWN.parse(text);
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

        String type = frontMatter.type().map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
        if (!type.isEmpty() && !type.equals("thesis") && !type.equals("entity")) {
            problems.add(Problem.error(file, 1, "unknown note type '" + type + "' in front matter (use thesis or entity)"));
        }
        boolean isEntity = type.equals("entity") || type.isEmpty() && tags.contains("company");
        if (isEntity) {
            Entity entity = Entity.newBuilder().setId(id).setName(title).setAliases(frontMatter.aliases())
                    .setTags(List.copyOf(tags)).setKind(frontMatter.kind().orElse("company"))
                    .setSourcePath(pathText()).setSourceLine(titleLine).build();
            return new ParsedNote(file, id, titleLine, Optional.empty(), Optional.of(entity), List.of(), names, links, problems);
        }

        List<Implication> implications = implications(id, sections.section("implications"));
        Thesis thesis = Thesis.newBuilder()
                .setId(id).setTitle(title)
                .setSummary(sections.summary().map(InlineText::display).orElse(""))
                .setTags(List.copyOf(tags))
                .setEntities(links.stream().map(ParsedNote.Link::target).distinct().collect(Collectors.toList()))
                .setSignals(signals(sections.section("signals")))
                .setEvidence(evidence(sections.section("evidence")))
                .setCounterArguments(counterArguments(sections.sectionStartingWith("counter")))
                .setRelated(related(sections.paragraphs()))
                .setUpdated(updated(sections.paragraphs()))
                .setSourcePath(pathText()).setSourceLine(titleLine).setVersion(version)
                .build();
        return new ParsedNote(file, id, titleLine, Optional.of(thesis), Optional.empty(), implications, names, links, problems);
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
            return FrontMatter.read(String.join("\n", lines.subList(open, close)));
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

    private List<Evidence> evidence(List<Node> section) {
        List<Evidence> evidence = new ArrayList<>();
        firstTable(section).ifPresent(table -> {
            int company = table.column("company");
            int action = table.column("action");
            int date = table.column("date");
            int stance = table.column("stance");
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
                evidence.add(Evidence.newBuilder().setCompany(row.text(company)).setAction(row.text(action))
                        .setDate(row.text(date)).setStance(parsed).build());
            }
        });
        return evidence;
    }

    private List<Signal> signals(List<Node> section) {
        List<Signal> signals = new ArrayList<>();
        firstTable(section).ifPresent(table -> {
            int stance = table.column("stance");
            int when = table.column("when");
            if (stance < 0 || when < 0) {
                problems.add(Problem.error(file, table.line(), "signals table has no " + (when < 0 ? "When" : "Stance")
                        + " column (columns: Stance | When | Why, optional Weight)"));
                return;
            }
            int why = table.column("why");
            int weight = table.column("weight");
            for (NoteTable.Row row : table.rows()) {
                signal(row, stance, when, why, weight).ifPresent(signals::add);
            }
        });
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
        String when = row.text(whenColumn);
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

    private List<Implication> implications(String fromId, List<Node> section) {
        List<Implication> implications = new ArrayList<>();
        Implication.Builder current = null;
        for (Node block : section) {
            Optional<Implication.Builder> start = block instanceof Paragraph ? implicationStart(fromId, (Paragraph) block) : Optional.empty();
            if (start.isPresent()) {
                finish(current, implications);
                current = start.get();
            } else if (block instanceof ListBlock && current != null) {
                current.getStatements().addAll(listItems((ListBlock) block));
            }
        }
        finish(current, implications);
        return implications;
    }

    private Optional<Implication.Builder> implicationStart(String fromId, Paragraph paragraph) {
        if (!(paragraph.getFirstChild() instanceof StrongEmphasis)) {
            return Optional.empty();
        }
        Matcher m = IMPLICATION.matcher(InlineText.raw(paragraph.getFirstChild()));
        if (!m.matches()) {
            return Optional.empty();
        }
        String target = m.group(1);
        StringBuilder after = new StringBuilder();
        for (Node n = paragraph.getFirstChild().getNext(); n != null; n = n.getNext()) {
            after.append(InlineText.raw(n)).append(' ');
        }
        Polarity polarity = Polarity.REVIEW;
        Matcher sign = POLARITY.matcher(target);
        if (sign.find()) {
            target = (target.substring(0, sign.start()) + target.substring(sign.end())).strip();
        } else {
            sign = POLARITY.matcher(after);
            if (!sign.find()) {
                sign = null;
            }
        }
        if (sign != null) {
            polarity = sign.group(1).equals("+") ? Polarity.SAME : Polarity.INVERSE;
        }
        List<WikiLink> links = WikiLink.in(target);
        String toName = links.isEmpty() ? target.strip() : links.get(0).target();
        List<String> statements = new ArrayList<>();
        String inline = POLARITY.matcher(after).replaceAll("").strip().replaceFirst("^:\\s*", "");
        if (!inline.isEmpty()) {
            statements.add(WikiLink.display(inline));
        }
        return Optional.of(Implication.newBuilder().setId(fromId + "--" + Slug.of(toName)).setFromThesis(fromId)
                .setTo(Slug.of(toName)).setToName(toName).setPolarity(polarity).setStatements(statements)
                .setSourcePath(pathText()).setSourceLine(InlineText.line(paragraph)));
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

    private List<String> counterArguments(List<Node> section) {
        List<String> arguments = new ArrayList<>();
        for (Node block : section) {
            if (block instanceof Paragraph) {
                arguments.add(InlineText.display(block));
            } else if (block instanceof ListBlock) {
                arguments.addAll(listItems((ListBlock) block));
            }
        }
        return arguments;
    }

    private static List<String> related(List<Paragraph> paragraphs) {
        return paragraphs.stream().map(InlineText::raw).filter(t -> RELATED.matcher(t).matches())
                .flatMap(t -> WikiLink.in(t).stream()).map(WikiLink::target).distinct().collect(Collectors.toList());
    }

    private String updated(List<Paragraph> paragraphs) {
        for (Paragraph paragraph : paragraphs) {
            if (!(paragraph.getFirstChild() instanceof Emphasis)) {
                continue;
            }
            Matcher m = UPDATED.matcher(InlineText.raw(paragraph.getFirstChild()));
            if (m.matches()) {
                try {
                    return LocalDate.parse(m.group(1).strip()).toString();
                } catch (DateTimeParseException e) {
                    problems.add(Problem.error(file, InlineText.line(paragraph),
                            "bad Updated date '" + m.group(1).strip() + "' (write *Updated YYYY-MM-DD*)"));
                }
            }
        }
        return null;
    }

    /** One entry per list item, nested items included, each as the reader sees it. */
    private static List<String> listItems(ListBlock list) {
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

    private static Optional<NoteTable> firstTable(List<Node> section) {
        return section.stream().filter(TableBlock.class::isInstance).findFirst().map(b -> new NoteTable((TableBlock) b));
    }
}
