package io.tip.notes.internal.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Obsidian {@code [[Target]]}, {@code [[Target|shown text]]} or {@code [[Target#Heading]]} inside one inline text. */
record WikiLink(String target, String shown) {
    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\[\\]|#]*)(#[^\\[\\]|]*)?(?:\\|([^\\[\\]]*))?]]");

    private static final Pattern LINK_TEXT = Pattern.compile("\\[\\[[^\\[\\]]*]]");

    static List<WikiLink> in(String text) {
        List<WikiLink> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1).trim();
            if (!target.isEmpty()) {
                links.add(new WikiLink(target, m.group(3) == null ? target : m.group(3).trim()));
            }
        }
        return links;
    }

    /** The text as a reader sees it: each link replaced by its shown text. */
    static String display(String text) {
        Matcher m = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shown = m.group(3) != null ? m.group(3) : m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(shown.trim()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text with each link replaced by its target: what an Evidence cell records. */
    static String targets(String text) {
        Matcher m = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).trim()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A table row with {@code [[SK Hynix|Hynix]]} in a cell: GFM splits cells at every unescaped
     * {@code |}, so the link would break the row in two and shift every column after it. Obsidian
     * users write the pipe unescaped all the same; escape it so the cell keeps its link.
     */
    static String escapePipesInTableRows(String line) {
        if (!line.contains("[[") || !LINK.matcher(line).replaceAll("").contains("|")) {
            return line;
        }
        Matcher m = LINK_TEXT.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("(?<!\\\\)\\|", "\\\\|")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text without its links, so a {@code [[Note#Heading]]} is not taken for a tag. */
    static String strip(String text) {
        return LINK.matcher(text).replaceAll(" ");
    }
}
