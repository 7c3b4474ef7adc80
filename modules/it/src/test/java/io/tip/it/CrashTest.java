package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;

/**
 * Issue 7, crash test — after Apache Kafka's streams_eos_test: a {@code tip run} process fed a steady
 * stream is killed with SIGKILL at random points and restarted each time; afterwards a read_committed
 * consumer sees every expected impact exactly once and thesis-state equals the clean run's.
 * <p>
 * {@code -Dit.crash.guarantee=at_least_once} runs the same test with the guarantee switched off, to
 * see it fail (RELIABILITY.md records that run).
 */
class CrashTest {
    private static final int EVENTS = 3_500;
    private static final int EVENTS_PER_SECOND = 150;
    private static final int KILLS = 3;
    private static final String APP = "tip-crash";

    @Test
    void sigkillAtRandomPointsLosesAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("it.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String guarantee = System.getProperty("it.crash.guarantee", "exactly_once_v2");
        System.out.printf("crash test: seed %d, processing.guarantee %s%n", seed, guarantee);

        try (TestStack stack = TestStack.start(dir)) {
            // Given the example vault, a large stream of events, and what a clean run makes of them
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection())))
                    .isZero();
            List<MarketEvent> events = EventStream.of("crash", EVENTS);
            ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), events);
            assertThat(expected.impactsById()).hasSizeGreaterThan(EVENTS);

            try (EventProducer producer = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts());
                 CommittedTopic<String, ThesisState> states = CommittedTopic.of(stack.bootstrapServers(), stack.topics().state());
                 CommittedTopic<String, MarketEvent> unmatched = CommittedTopic.of(stack.bootstrapServers(), stack.topics().unmatched());
                 ConsumerGroupLag lag = new ConsumerGroupLag(stack.bootstrapServers())) {
                String[] run = HeadlineScenario.concat(new String[] {"run", "--http-port", "0",
                        "-D", "application.id=" + APP, "-D", "state.dir=" + dir.resolve("streams"),
                        "-D", "processing.guarantee=" + guarantee,
                        // a killed instance's partitions move on after 6 s, not the default 45 s
                        "-D", "session.timeout.ms=6000", "-D", "heartbeat.interval.ms=1000"}, stack.connection());

                // When the stream flows in segments and the pipeline is killed -9 at a random point of
                // each but the last, then restarted: a kill always lands while later events are unsent,
                // however fast the pipeline is.
                List<List<MarketEvent>> segments = segments(events, KILLS + 1);
                List<TipProcess> started = new ArrayList<>();
                try {
                    TipProcess tip = TipProcess.start(dir.resolve("logs"), "run-0", run);
                    started.add(tip);
                    List<Integer> committedAtKill = new ArrayList<>();
                    for (int kill = 1; kill <= KILLS; kill++) {
                        int before = committedAtKill.isEmpty() ? 0 : committedAtKill.get(committedAtKill.size() - 1);
                        producer.startSteady(segments.get(kill - 1), EVENTS_PER_SECOND);
                        TipProcess running = tip;
                        await("run-" + (kill - 1) + " to commit new impacts").atMost(Duration.ofSeconds(90))
                                .pollInterval(Duration.ofMillis(250))
                                .until(() -> {
                                    assertThat(running.alive()).as(running.name() + " alive; stderr:\n" + TipProcess.tail(running.stderr())).isTrue();
                                    return impacts.values().size();
                                }, n -> n > before);
                        Thread.sleep(random.nextInt(2_500)); // the fault schedule: a random point in the stream
                        tip.kill();
                        committedAtKill.add(impacts.values().size());
                        producer.awaitSteadyDone(Duration.ofMinutes(2)); // events keep arriving while it is down
                        tip = TipProcess.start(dir.resolve("logs"), "run-" + kill, run);
                        started.add(tip);
                    }
                    producer.startSteady(segments.get(KILLS), EVENTS_PER_SECOND);
                    producer.awaitSteadyDone(Duration.ofMinutes(2));
                    System.out.printf("crash test: impacts committed at each SIGKILL %s of %d expected%n",
                            committedAtKill, expected.impactsById().size());
                    assertThat(committedAtKill).as("every kill lands mid-stream").allMatch(n -> n < expected.impactsById().size());

                    // Then, once the last instance has processed everything,
                    TipProcess last = tip;
                    await("the pipeline to process every event").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                            .untilAsserted(() -> {
                                assertThat(last.alive()).as("last instance alive").isTrue();
                                assertThat(lag.lag(APP, stack.topics().marketEvents().name())).isZero();
                                assertThat(lag.lag(APP, stack.topics().impacts().name())).isLessThanOrEqualTo(3); // commit markers
                            });
                    // a read_committed consumer sees every expected impact exactly once, by id and by count
                    Map<String, Integer> seen = impacts.countBy(ThesisImpact::getId);
                    Map<String, Integer> duplicated = seen.entrySet().stream().filter(e -> e.getValue() > 1)
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                    Set<String> lost = new TreeSet<>(expected.impactsById().keySet());
                    lost.removeAll(seen.keySet());
                    System.out.printf("crash test: %d impacts read, %d expected, %d lost, %d duplicated%n",
                            impacts.values().size(), expected.impactsById().size(), lost.size(), duplicated.size());
                    assertThat(lost).as("expected impacts never committed (lost)").isEmpty();
                    assertThat(duplicated).as("impacts seen more than once").isEmpty();
                    assertThat(seen.keySet()).as("impact ids").isEqualTo(expected.impactsById().keySet());
                    assertThat(impacts.values()).as("impacts by count").hasSize(expected.impactsById().size());
                    assertThat(impacts.values()).as("impacts equal the clean run's")
                            .allSatisfy(i -> assertThat(i).isEqualTo(expected.impactsById().get(i.getId())));
                    assertThat(unmatched.values()).as("unmatched events, each once").hasSize(expected.unmatched());
                    // and thesis-state equals the clean run's
                    await("thesis-state to settle").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                            assertThat(states.latestByKey()).isEqualTo(expected.states()));
                    assertThat(last.stop()).as("exit code after SIGTERM (143 = 128 + SIGTERM, after the shutdown hook ran)")
                            .isIn(0, 143);
                    assertThat(last.stderr()).contains("tip run: stopping");
                } finally {
                    started.forEach(TipProcess::close); // a failed run leaves no process behind
                }
            }
        }
    }

    private static List<List<MarketEvent>> segments(List<MarketEvent> events, int count) {
        List<List<MarketEvent>> segments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            segments.add(events.subList(events.size() * i / count, events.size() * (i + 1) / count));
        }
        return segments;
    }
}
