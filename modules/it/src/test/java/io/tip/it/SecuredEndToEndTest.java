package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.app.config.TipSettings;
import io.tip.app.security.AccessPlan;
import io.tip.app.security.CredentialFiles;
import io.tip.app.security.DevAccess;
import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.EmbeddedStackConfig;
import io.tip.devstack.broker.BrokerSecurity;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topics;

/**
 * Issue 14: the headline case on a broker that authenticates every client (SASL/SCRAM-SHA-512) and
 * denies what no ACL allows, each role connecting with the credentials file `tip dev --secure` wrote
 * for it: `tip load` as loader, `tip publish` as producer, the exactly-once pipeline as pipeline, and
 * an analyst reading its subscription's topic.
 */
class SecuredEndToEndTest {
    private static final String APPLICATION_ID = "tip-secured";
    private static final String DESK = "concept-challenges";

    @Test
    void theHeadlineRunsWithEveryPrincipalDoingOnlyItsJob(@TempDir Path dir) {
        try (EmbeddedStack stack = EmbeddedStack.startSecured(EmbeddedStackConfig.in(dir.resolve("kafka")))) {
            // Given the principals of `tip dev --secure` for the pipeline's application id, and a subscription made by admin
            Map<String, Path> files = DevAccess.provision(stack, TipSettings.load(null, Map.of(), Map.of("application.id", APPLICATION_ID)),
                    List.of(DESK), new CredentialFiles(dir.resolve("credentials")));
            String admin = files.get(BrokerSecurity.ADMIN_USER).toString();
            assertThat(Tip.run("subscribe", "create", DESK, "--tag", "concept", "--stance", "challenges", "--config", admin)).isZero();

            // When the vault is loaded as loader, the events published as producer and the pipeline runs as pipeline,
            // Then the outputs are exactly those of a clean run (the headline scenario's checks, read as admin)
            HeadlineScenario.Roles roles = new HeadlineScenario.Roles(
                    new String[] {"--config", files.get(AccessPlan.LOADER).toString()},
                    new String[] {"--config", files.get(AccessPlan.PRODUCER).toString()},
                    settingsIn(files.get(AccessPlan.PIPELINE)), new LinkedHashMap<>(settingsIn(files.get(BrokerSecurity.ADMIN_USER))));
            HeadlineScenario.run(roles, APPLICATION_ID, dir.resolve("streams"));

            // and the analyst reads the Groq deal challenging convergence on its own topic, and only challenges
            Map<String, Object> analyst = new LinkedHashMap<>(settingsIn(files.get(AccessPlan.analyst(DESK))));
            Topics topics = TipSettings.load(files.get(BrokerSecurity.ADMIN_USER), Map.of(), Map.of()).topics();
            try (CommittedTopic<String, ThesisImpact> desk = CommittedTopic.of(analyst, topics.subscriptionImpacts(DESK))) {
                await("the analyst's impacts").atMost(Duration.ofSeconds(60)).until(() -> desk.values().stream()
                        .anyMatch(i -> i.getEventId().equals(HeadlineScenario.GROQ_EVENT)));
                assertThat(desk.values()).extracting(ThesisImpact::getEventId, ThesisImpact::getThesisId, ThesisImpact::getStance)
                        .contains(org.assertj.core.groups.Tuple.tuple(HeadlineScenario.GROQ_EVENT, HeadlineScenario.CONVERGENCE, Stance.CHALLENGES));
                assertThat(desk.values()).extracting(ThesisImpact::getStance).containsOnly(Stance.CHALLENGES);
            }
        }
    }

    /** A credentials file as `tip run --config FILE` reads it. */
    static Map<String, String> settingsIn(Path file) {
        return TipSettings.load(file, Map.of(), Map.of()).all();
    }
}
