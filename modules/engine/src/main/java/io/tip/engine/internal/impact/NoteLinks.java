package io.tip.engine.internal.impact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a note is, as a person looks for it: {@code path:line}, and a link that opens it in Obsidian. */
final class NoteLinks {
    private final String vault;

    /** @param vaultName the Obsidian vault's name; blank when unknown, and then no links are made */
    NoteLinks(String vaultName) {
        this.vault = vaultName == null || vaultName.isBlank() ? null : vaultName.strip();
    }

    static String location(String path, int line) {
        return path == null || path.isEmpty() ? "" : line > 0 ? path + ":" + line : path;
    }

    /** {@code obsidian://open?vault=...&file=...} (Obsidian's documented URI; the file is relative to the vault). */
    String open(String path) {
        if (vault == null || path == null || path.isEmpty()) {
            return "";
        }
        return "obsidian://open?vault=" + encode(vault) + "&file=" + encode(path);
    }

    /** Percent-encoding as in a URI (a space is %20, not the form encoding's +). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
