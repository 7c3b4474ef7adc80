package io.tip.notes.internal.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Obsidian {@code #tags} in one inline text: '#' then a letter or '_', not inside a word, URL or wiki link. */
final class InlineTags {
    private static final Pattern TAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#/])#([\\p{L}_][\\p{L}\\p{N}_/-]*)");

    private InlineTags() {
    }

    /** The tags, lower-cased and without '#'. */
    static List<String> in(String text) {
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(WikiLink.strip(text));
        while (m.find()) {
            tags.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return tags;
    }

    /** True for a line such as {@code #concept #chips}, which is tagging, not prose. */
    static boolean onlyTags(String text) {
        return TAG.matcher(text).replaceAll("").isBlank();
    }
}
