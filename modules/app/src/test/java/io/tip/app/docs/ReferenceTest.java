package io.tip.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;

/** The docs say what the code does: the reference is generated, and the README names every topic. */
class ReferenceTest {
    private static final Path ROOT = Path.of("../..");

    @Test
    void docsReferenceIsWhatTheCodeGenerates() throws IOException {
        assertThat(Files.readString(ROOT.resolve("docs/reference.md")))
                .as("docs/reference.md is stale: regenerate it with `./tip reference > docs/reference.md`")
                .isEqualTo(Reference.markdown());
    }

    @Test
    void theReadmeNamesEveryTopic() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (Topic<?, ?> topic : Topics.create("", Map.of("schema.registry.url", "mock://readme")).all()) {
            assertThat(readme).as("README mentions " + topic.name()).contains("`" + topic.name() + "`");
        }
        assertThat(readme).contains("./tip demo").contains("mvn verify");
    }
}
