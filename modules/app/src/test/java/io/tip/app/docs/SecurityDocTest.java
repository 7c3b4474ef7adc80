package io.tip.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tip.app.kafka.VaultPublisher;
import io.tip.app.security.AccessPlan;
import io.tip.model.topics.Topics;

/** docs/security.md shows the ACLs the code grants, so an operator copying them gets what `tip dev --secure` tests. */
class SecurityDocTest {
    private static final Path ROOT = Path.of("../..");

    @Test
    void theDocumentedKafkaAclsCommandsAreWhatTipAclsPrints() throws IOException {
        Topics topics = Topics.create("", Map.of("schema.registry.url", "mock://security-doc"));
        List<String> commands = AccessPlan.kafkaAclsCommands(
                new AccessPlan(topics, "tip", VaultPublisher.transactionalId(topics)).acls(List.of("semis-desk")), "localhost:9092", "admin.properties");
        String doc = Files.readString(ROOT.resolve("docs/security.md"));
        assertThat(doc.lines().filter(l -> l.startsWith("kafka-acls.sh --bootstrap-server localhost:9092")).toList())
                .as("docs/security.md is stale: paste the output of `tip acls --analyst semis-desk`")
                .containsExactlyElementsOf(commands);
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("tip dev --secure", "tip acls", "docs/security.md");
    }
}
