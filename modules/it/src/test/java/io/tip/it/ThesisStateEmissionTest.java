package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.pipeline.PipelineService;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.topics.Topics;

/**
 * thesis-state is written as a KTable is: once per thesis per commit with its latest state, not once
 * per impact, and the last state of each thesis counts every impact it had.
 */
class ThesisStateEmissionTest {

    @Test
    void aBurstOfImpactsOnOneThesisWritesFewerStatesThanImpactsAndTheLastCountsThemAll(@TempDir Path dir) throws Exception {
        try (TestStack stack = TestStack.start(dir)) {
            Topics topics = stack.topics();
            // Given the example vault and a running pipeline that commits every 2 s
            assertThat(CliRun.of(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection())).exitCode()).isZero();
            try (PipelineService pipeline = PipelineService.start(stack.settings(Map.of("application.id", "tip-state-emission",
                         "state.dir", dir.resolve("streams").toString(), "commit.interval.ms", "2000")), topics);
                 ConsumerGroupLag lag = new ConsumerGroupLag(stack.bootstrapServers());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), topics.impacts());
                 CommittedTopic<String, ThesisState> states = CommittedTopic.of(stack.bootstrapServers(), topics.state())) {
                pipeline.awaitRunning(Duration.ofMinutes(2));

                // When 300 distinct Groq-like acquisitions arrive at once
                try (EventProducer producer = new EventProducer(stack.bootstrapServers(), topics.marketEvents())) {
                    for (int i = 0; i < 300; i++) {
                        producer.send(DeskEvents.groqLike("evt-burst-" + i));
                    }
                    producer.flush();
                }
                await("the pipeline processes the burst").atMost(Duration.ofSeconds(90))
                        .until(() -> lag.lag("tip-state-emission", topics.marketEvents().name()) == 0
                                && lag.lag("tip-state-emission", topics.impacts().name()) == 0);

                // Then each impacted thesis has fewer state records than impacts, and its last state counts all of them
                List<ConsumerRecord<String, ThesisImpact>> all = impacts.catchUp();
                Map<String, Long> impactsPerThesis = all.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
                assertThat(impactsPerThesis).containsKey(HeadlineScenario.CONVERGENCE);
                List<ConsumerRecord<String, ThesisState>> written = states.catchUp();
                impactsPerThesis.forEach((thesis, count) -> {
                    List<ThesisState> mine = written.stream().filter(r -> r.key().equals(thesis)).map(ConsumerRecord::value).toList();
                    assertThat(count).as(thesis + " impacts").isEqualTo(300);
                    assertThat(mine).as(thesis + " states").isNotEmpty().hasSizeLessThan(count.intValue());
                    ThesisState last = mine.get(mine.size() - 1);
                    assertThat(last.getSupports() + last.getChallenges() + last.getReviews()).as(thesis + " last state").isEqualTo(300);
                });
            }
        }
    }
}
