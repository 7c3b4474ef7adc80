package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.app.config.TipSettings;
import io.tip.app.pipeline.PipelineService;
import io.tip.model.MarketEvent;
import io.tip.model.Stance;
import io.tip.model.Subscription;
import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topics;

/**
 * Issue 12 on the real broker and registry: `tip subscribe` creates subscriptions, the running
 * pipeline fills impacts.NAME with exactly the committed impacts each one wants, and a subscription
 * created while events flow takes effect without a restart; then `tip digest` writes the day into a vault.
 */
class SubscriptionsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CONVERGENCE = HeadlineScenario.CONVERGENCE;
    private static final String LONG_BROADCOM = HeadlineScenario.LONG_BROADCOM;

    @Test
    void twoSubscriptionsGetExactlyTheirImpactsAndANewOneTakesEffectWhileEventsFlow(@TempDir Path dir) throws Exception {
        try (TestStack stack = TestStack.start(dir)) {
            String[] connection = stack.connection();
            Topics topics = stack.topics();
            TipSettings settings = stack.settings(Map.of("application.id", "tip-subscriptions", "state.dir", dir.resolve("state").toString()));
            // Given the example vault and two subscriptions with different filters (one names its thesis by title)
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, connection))).isZero();
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"subscribe", "create", "broadcom-desk", "--thesis", "Long Broadcom"},
                    connection))).isZero();
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"subscribe", "create", "concept-challenges", "--tag", "concept",
                    "--stance", "challenges", "--owner", "User:alice"}, connection))).isZero();
            // and each subscription's topic has its subject in the registry, as tools that look a topic's schema up expect
            for (String subscription : List.of("broadcom-desk", "concept-challenges")) {
                HttpResponse<String> subject = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.registryUrl() + "/subjects/impacts." + subscription + "-value/versions/latest")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(subject.statusCode()).as(subject.body()).isEqualTo(200);
                assertThat(subject.body()).contains("ThesisImpact");
            }

            try (PipelineService pipeline = PipelineService.start(settings, topics);
                 EventProducer producer = new EventProducer(stack.bootstrapServers(), topics.marketEvents());
                 CommittedTopic<String, ThesisImpact> all = CommittedTopic.of(stack.bootstrapServers(), topics.impacts());
                 CommittedTopic<String, ThesisImpact> broadcom = CommittedTopic.of(stack.bootstrapServers(), topics.subscriptionImpacts("broadcom-desk"));
                 CommittedTopic<String, ThesisImpact> concept = CommittedTopic.of(stack.bootstrapServers(), topics.subscriptionImpacts("concept-challenges"))) {
                pipeline.awaitRunning(Duration.ofMinutes(2));

                // When events flow, and a third subscription is created halfway through
                List<MarketEvent> events = DeskEvents.alternating("evt", 200);
                producer.startSteady(events, 40);
                await("half the events published").atMost(WAIT).until(() -> producer.sent() >= 100);
                assertThat(Tip.run(HeadlineScenario.concat(new String[] {"subscribe", "create", "convergence-direct", "--thesis",
                        CONVERGENCE, "--max-order", "1"}, connection))).isZero();
                producer.awaitSteadyDone(WAIT);

                // Then every event's impacts are committed (4 per pair of events)
                await("all impacts").atMost(WAIT).until(() -> all.values().size(), n -> n >= 400);
                List<ThesisImpact> impacts = all.values();
                assertThat(impacts).hasSize(400);

                // and each subscription's topic holds exactly the impacts it wants, once each, keyed by thesis
                Set<String> wantedByBroadcom = ids(impacts.stream().filter(i -> i.getThesisId().equals(LONG_BROADCOM)).toList());
                Set<String> wantedByConcept = ids(impacts.stream().filter(i -> i.getStance() == Stance.CHALLENGES
                        && (i.getThesisId().equals(CONVERGENCE) || i.getThesisId().equals(HeadlineScenario.INFERENCE_ECONOMICS))).toList());
                assertThat(wantedByBroadcom).hasSize(200);
                assertThat(wantedByConcept).hasSize(100);
                await("broadcom-desk complete").atMost(WAIT).until(() -> broadcom.values().size(), n -> n >= 200);
                await("concept-challenges complete").atMost(WAIT).until(() -> concept.values().size(), n -> n >= 100);
                assertExactly(broadcom, wantedByBroadcom);
                assertExactly(concept, wantedByConcept);

                // and the subscription created while events flowed got every matching impact from the moment it took effect:
                // convergence's impacts are on one partition, in order, so what it got is a tail of them, without gaps
                try (CommittedTopic<String, ThesisImpact> direct = CommittedTopic.of(stack.bootstrapServers(),
                        topics.subscriptionImpacts("convergence-direct"))) {
                    await("convergence-direct receives").atMost(WAIT).until(() -> direct.values().size(), n -> n > 0);
                    List<String> convergenceInOrder = all.catchUp().stream().map(ConsumerRecord::value)
                            .filter(i -> i.getThesisId().equals(CONVERGENCE) && i.getOrder() == 1).map(ThesisImpact::getId).toList();
                    List<String> received = direct.values().stream().map(ThesisImpact::getId).toList();
                    int first = convergenceInOrder.indexOf(received.get(0));
                    assertThat(first).as("its first impact is one of convergence's").isPositive();
                    assertThat(received).as("every matching impact after the first, none skipped, none twice")
                            .containsExactlyElementsOf(convergenceInOrder.subList(first, convergenceInOrder.size()));
                    assertThat(received.size()).as("created halfway through").isLessThan(convergenceInOrder.size());
                }
            }

            // and `tip subscribe list` shows the three
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"subscribe", "list"}, connection))).isZero();
            try (CommittedTopic<String, Subscription> table = CommittedTopic.of(stack.bootstrapServers(), topics.subscriptions())) {
                assertThat(table.latestByKey()).containsOnlyKeys("broadcom-desk", "concept-challenges", "convergence-direct");
                assertThat(table.latestByKey().get("concept-challenges").getOwner()).isEqualTo("User:alice");
                assertThat(table.latestByKey().get("broadcom-desk").getTheses()).containsExactly(LONG_BROADCOM);
            }

            // and `tip digest` writes today's impacts into a copy of the vault, as a note `tip lint` accepts
            Path vault = dir.resolve("vault");
            Files.createDirectories(vault);
            try (Stream<Path> notes = Files.list(Repo.exampleVault())) {
                for (Path note : notes.toList()) {
                    Files.copy(note, vault.resolve(note.getFileName()));
                }
            }
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"digest", "--vault", vault.toString(), "--since", "1h"}, connection)))
                    .isZero();
            Path digest = vault.resolve("Impacts").resolve(LocalDate.now(ZoneOffset.UTC) + ".md");
            String note = Files.readString(digest);
            assertThat(note).contains("## Status changes", "## [[Long Broadcom]]", "## [[Training-inference convergence]]",
                    "- **CHALLENGED by** [NVIDIA to acquire Groq (evt-0)](https://example.com/evt-0) (0.80)",
                    "- 100 downstream (through implications)");
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"digest", "--vault", vault.toString(), "--since", "1h"}, connection)))
                    .isZero();
            // (its header names the window, which moves with the clock: a re-run a minute later names another)
            assertThat(withoutWindow(Files.readString(digest))).as("a re-run rewrites the same note").isEqualTo(withoutWindow(note));
            assertThat(Tip.run("lint", vault.toString())).isZero();
        }
    }

    private static void assertExactly(CommittedTopic<String, ThesisImpact> topic, Set<String> wanted) {
        List<ConsumerRecord<String, ThesisImpact>> records = topic.catchUp();
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getThesisId()));
        assertThat(topic.countBy(ThesisImpact::getId)).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(ids(topic.values())).isEqualTo(wanted);
    }

    private static Set<String> ids(List<ThesisImpact> impacts) {
        return impacts.stream().map(ThesisImpact::getId).collect(Collectors.toSet());
    }

    private static String withoutWindow(String digestNote) {
        return digestNote.replaceAll("(?m)^\\*Written by `tip digest` from the impacts published .*$", "*Written by tip digest*");
    }
}
