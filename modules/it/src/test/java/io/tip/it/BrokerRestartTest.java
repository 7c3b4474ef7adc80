package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;

/** Issue 7, broker restart: the broker stops and comes back under load; the pipeline recovers by itself. */
class BrokerRestartTest {
    private static final String APP = "tip-broker-restart";

    @Test
    void theBrokerRestartsUnderLoadAndThePipelineRecoversWithNothingLostOrDuplicated(@TempDir Path dir) throws Exception {
        try (TestStack stack = TestStack.start(dir)) {
            // Given a running pipeline and a steady stream of events
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection())))
                    .isZero();
            List<MarketEvent> events = EventStream.of("restart", 1_500);
            ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), events);
            try (Pipeline pipeline = Pipeline.start(stack, APP, dir.resolve("streams"), Map.of());
                 EventProducer producer = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts());
                 CommittedTopic<String, ThesisState> states = CommittedTopic.of(stack.bootstrapServers(), stack.topics().state());
                 ConsumerGroupLag lag = new ConsumerGroupLag(stack.bootstrapServers())) {
                producer.startSteady(events, 150);
                await("impacts flowing").atMost(Duration.ofSeconds(60)).until(() -> impacts.values().size(), n -> n > 200);

                // When the broker is restarted mid-stream
                int before = impacts.values().size();
                stack.restartBroker();
                producer.awaitSteadyDone(Duration.ofMinutes(2));

                // Then the same pipeline instance carries on and everything is processed exactly once
                await("the pipeline to catch up after the restart").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            assertThat(lag.lag(APP, stack.topics().marketEvents().name())).isZero();
                            assertThat(lag.lag(APP, stack.topics().impacts().name())).isLessThanOrEqualTo(3);
                        });
                assertThat(before).as("impacts committed before the restart").isLessThan(expected.impactsById().size());
                assertThat(impacts.countBy(ThesisImpact::getId)).as("every expected impact exactly once")
                        .isEqualTo(ReferenceCounts.ones(expected.impactsById().keySet()));
                await("thesis-state to settle").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(states.latestByKey()).isEqualTo(expected.states()));
                assertThat(pipeline.service().streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(pipeline.http().get("/health/ready").status()).isEqualTo(200);
            }
        }
    }
}
