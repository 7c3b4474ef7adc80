package io.tip.notes;

import io.tip.rules.Rule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The rules shown to analysts in docs/notes.md are valid rules. */
class DocsTest {

    @Test
    void everyExampleRuleParses() throws Exception {
        String doc = Files.readString(Path.of("../../docs/notes.md"));
        String block = doc.substring(doc.indexOf("Examples:\n\n```\n") + "Examples:\n\n```\n".length());
        List<String> rules = block.substring(0, block.indexOf("```")).lines().toList();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(5);
        rules.forEach(rule -> assertThatCode(() -> Rule.parse(rule)).as(rule).doesNotThrowAnyException());
    }
}
