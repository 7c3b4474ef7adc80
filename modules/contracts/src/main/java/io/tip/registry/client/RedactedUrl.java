package io.tip.registry.client;

import java.util.regex.Pattern;

/** URLs as they may be shown: credentials in them ({@code http://user:password@host}) replaced by {@code ***}. */
public final class RedactedUrl {
    /** userinfo@ after "scheme://" or at the start of a word (a URL written without its scheme). */
    private static final Pattern CREDENTIALS = Pattern.compile("(://|^|[\\s,;'\"=(\\[])[^/@\\s,;'\"()\\[\\]]+@");

    private RedactedUrl() {
    }

    public static String of(String url) {
        return inText(url);
    }

    /** {@code text} with the credentials of every URL in it replaced. */
    public static String inText(String text) {
        return text == null ? null : CREDENTIALS.matcher(text).replaceAll("$1***@");
    }
}
