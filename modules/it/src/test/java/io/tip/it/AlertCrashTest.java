package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.app.pipeline.PipelineService;
import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topics;

/**
 * `tip alert` against a webhook that fails (500), throttles (429 with Retry-After), refuses one
 * alert (400) and is slow, with the alert process killed -9 mid-stream and started again: every
 * alert arrives, the refused one is in thesis-alerts.dlq with its reason, and repeats after the
 * crash carry the same Idempotency-Key.
 */
class AlertCrashTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int EVENTS = 120;
    private static final String REFUSED_EVENT = "(alert-7)";

    @Test
    void sigkillOfTipAlertMidStreamLosesNothingAndTheRefusedAlertIsDeadLettered(@TempDir Path dir) throws Exception {
        WebhookReceiver.Answer ok = new WebhookReceiver.Answer(200, null, 40);
        try (TestStack stack = TestStack.start(dir);
             WebhookReceiver hook = new WebhookReceiver((n, body) ->
                     body.contains(REFUSED_EVENT) ? new WebhookReceiver.Answer(400, null, 0)
                             : n % 11 == 0 ? new WebhookReceiver.Answer(429, "1", 0)
                             : n % 7 == 0 ? new WebhookReceiver.Answer(500, null, 0)
                             : ok)) {
            String[] connection = stack.connection();
            Topics topics = stack.topics();
            // Given a subscription whose impacts are all known once the pipeline has run
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, connection))).isZero();
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"subscribe", "create", "broadcom-desk", "--thesis", "long-broadcom"},
                    connection))).isZero();
            Set<String> expected;
            try (PipelineService pipeline = PipelineService.start(stack.settings(Map.of("application.id", "tip-alert-crash",
                    "state.dir", dir.resolve("state").toString())), topics);
                 EventProducer producer = new EventProducer(stack.bootstrapServers(), topics.marketEvents());
                 CommittedTopic<String, ThesisImpact> desk = CommittedTopic.of(stack.bootstrapServers(), topics.subscriptionImpacts("broadcom-desk"))) {
                pipeline.awaitRunning(Duration.ofMinutes(2));
                producer.sendAll(DeskEvents.alternating("alert", EVENTS));
                await("every impact on impacts.broadcom-desk").atMost(WAIT).until(() -> desk.values().size(), n -> n >= EVENTS);
                expected = desk.values().stream().map(ThesisImpact::getId).collect(Collectors.toSet());
            }
            String refused = expectedRefused(stack, topics);

            // When tip alert delivers them, is killed -9 mid-stream, and is started again
            String[] alert = HeadlineScenario.concat(new String[] {"alert", "--webhook", hook.url(), "--source", "impacts.broadcom-desk",
                    "-D", "alert.backoff.initial.ms=50", "-D", "alert.backoff.max.ms=2000", "-D", "alert.max.attempts=6",
                    "-D", "session.timeout.ms=6000", "-D", "heartbeat.interval.ms=1000"}, connection);
            int atKill;
            try (TipProcess first = TipProcess.start(dir.resolve("logs"), "alert-0", alert)) {
                await("some alerts delivered").atMost(WAIT).until(() -> hook.delivered().size(), n -> n >= 30);
                first.kill();
                atKill = hook.delivered().size();
            }
            assertThat(atKill).as("killed mid-stream").isLessThan(EVENTS - 1);
            try (TipProcess second = TipProcess.start(dir.resolve("logs"), "alert-1", alert);
                 CommittedTopic<byte[], byte[]> dlq = CommittedTopic.raw(stack.bootstrapServers(), topics.alertDeadLetters().name())) {
                // Then every alert but the refused one arrives,
                await("every alert delivered").atMost(WAIT).until(() -> hook.delivered().size(), n -> n >= EVENTS - 1);
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(hook.delivered());
                assertThat(missing).containsExactly(refused);
                // the refused one is dead-lettered once, with the reason, and delivery went on past it
                List<ConsumerRecord<byte[], byte[]>> dead = await("the refused alert in the DLQ").atMost(WAIT)
                        .until(dlq::catchUp, list -> !list.isEmpty());
                assertThat(dead).singleElement().satisfies(r -> {
                    assertThat(header(r, "tip.reason")).startsWith("refused: HTTP 400");
                    assertThat(header(r, "tip.source.topic")).isEqualTo("impacts.broadcom-desk");
                    assertThat(topics.impacts().valueSerde().deserializer().deserialize("impacts.broadcom-desk", r.value()).getId())
                            .isEqualTo(refused);
                });
                // and a repeat (sent again after the crash) is recognisable: same key, same body
                Map<String, Set<String>> bodiesByKey = hook.requests().stream().collect(Collectors.groupingBy(
                        WebhookReceiver.Request::key, Collectors.mapping(WebhookReceiver.Request::body, Collectors.toSet())));
                assertThat(bodiesByKey).allSatisfy((key, bodies) -> assertThat(bodies).as(key).hasSize(1));
                assertThat(bodiesByKey.keySet()).isEqualTo(expected);
                long repeats = hook.requests().stream().filter(r -> r.status() == 200).count() - hook.delivered().size();
                System.out.printf("alert crash test: %d delivered, %d delivered twice (after the kill at %d), %d requests in all%n",
                        hook.delivered().size(), repeats, atKill, hook.requests().size());
                assertThat(second.alive()).isTrue();
            }
        }
    }

    /** The id of the impact whose headline the receiver refuses. */
    private static String expectedRefused(TestStack stack, Topics topics) {
        try (CommittedTopic<String, ThesisImpact> desk = CommittedTopic.of(stack.bootstrapServers(), topics.subscriptionImpacts("broadcom-desk"))) {
            return desk.values().stream().filter(i -> i.getEventHeadline().contains(REFUSED_EVENT)).map(ThesisImpact::getId)
                    .findFirst().orElseThrow();
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
