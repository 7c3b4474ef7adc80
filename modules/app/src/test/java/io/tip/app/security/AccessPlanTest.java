package io.tip.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.cli.UserError;
import io.tip.app.kafka.VaultPublisher;
import io.tip.model.topics.Topics;

/** The access plan's names, without a broker (AclMatrixTest in modules/it runs them on one). */
class AccessPlanTest {
    private static final Topics TOPICS = Topics.create("", Map.of("schema.registry.url", "http://localhost:1"));

    @Test
    void anApplicationIdThatWouldCoverTipLoadsTransactionalIdIsRefused() {
        // Given topics prefixed "desk-", so tip load's transactional id is tip.load.desk-theses
        Topics prefixed = Topics.create("desk-", Map.of("schema.registry.url", "http://localhost:1"));
        assertThat(VaultPublisher.transactionalId(prefixed)).isEqualTo("tip.load.desk-theses");
        // When the pipeline's application id is tip.load.desk (its ACLs cover "tip.load.desk-…"), Then it is refused
        assertThatThrownBy(() -> new AccessPlan(prefixed, "tip.load.desk", VaultPublisher.transactionalId(prefixed)))
                .isInstanceOf(UserError.class).hasMessageContaining("tip load's transactional id");
        // and so is tip.schema-registry, which would cover the registry's tip.schema-registry._schemas
        assertThatThrownBy(() -> new AccessPlan(TOPICS, "tip.schema", VaultPublisher.transactionalId(TOPICS)))
                .isInstanceOf(UserError.class).hasMessageContaining("schema registry's transactional id");
        // and with the default names the default application id is fine
        assertThat(new AccessPlan(TOPICS, "tip", VaultPublisher.transactionalId(TOPICS)).acls(List.of())).isNotEmpty();
    }

    @Test
    void anApplicationIdThatTopicNamesStartWithIsRefused() {
        // Given topics prefixed "tip-", When the application id is "tip" (its ACLs cover "tip-…"), Then it is refused
        Topics prefixed = Topics.create("tip-", Map.of("schema.registry.url", "http://localhost:1"));
        assertThatThrownBy(() -> new AccessPlan(prefixed, "tip", VaultPublisher.transactionalId(prefixed)))
                .isInstanceOf(UserError.class).hasMessageContaining("tip-market-events");
    }

    @Test
    void theDefaultsGiveEachPrincipalOnlyItsOwnResources() {
        // When the plan is made for the default names and one analyst
        Map<String, List<AclBinding>> acls = new AccessPlan(TOPICS, "tip", VaultPublisher.transactionalId(TOPICS)).acls(List.of("desk"));

        // Then the principals are the fixed ones plus the analyst, each binding for its own principal only
        assertThat(acls).containsOnlyKeys("producer", "loader", "pipeline", "analyst-desk");
        acls.forEach((principal, bindings) -> assertThat(bindings).allSatisfy(b -> assertThat(b.entry().principal()).isEqualTo("User:" + principal)));
        // and nobody but the pipeline holds a prefixed right, which is on "tip-" or on the subscription topics
        assertThat(acls.get("pipeline")).filteredOn(b -> b.pattern().patternType() == PatternType.PREFIXED)
                .extracting(b -> b.pattern().name()).containsOnly("tip-", "impacts.");
        assertThat(acls.get("analyst-desk")).filteredOn(b -> b.pattern().patternType() == PatternType.PREFIXED)
                .extracting(b -> b.pattern().name()).containsOnly("analyst-desk/");
    }

    @Test
    void credentialFilesAreTheOwnersOnlyAndKeepTheirPassword(@TempDir Path dir) throws Exception {
        // Given a principal's file written once
        CredentialFiles files = new CredentialFiles(dir.resolve("credentials"));
        Path file = files.write("loader", "test", Map.of("sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"loader\" password=\"s3cret-1\";"));

        // Then only its owner may read it, and a second start reads the same password back
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(files.passwordOf("loader", () -> "new")).isEqualTo("s3cret-1");
        assertThat(files.passwordOf("producer", () -> "new")).isEqualTo("new");
    }
}
