package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;

/**
 * Issue 7, rebalance: two instances share the work; one stops and the other takes over; a third joins.
 * Nothing is lost or duplicated, and the HTTP API is asked for every thesis all along.
 */
class RebalanceTest {
    private static final String APP = "tip-rebalance";
    private static final List<String> THESES = List.of(HeadlineScenario.CONVERGENCE, HeadlineScenario.INFERENCE_ECONOMICS,
            HeadlineScenario.LONG_BROADCOM);
    private static final Map<String, String> SETTINGS = Map.of("num.standby.replicas", "1",
            "session.timeout.ms", "6000", "heartbeat.interval.ms", "1000");

    /** One answer of GET /api/theses/{id}: which instance, status, and whether it said the state may be stale. */
    record Answer(long atMs, String instance, String thesis, int status, boolean stale, String body) {
    }

    @Test
    void oneInstanceStopsAnotherJoinsAndNothingIsLostOrDuplicated(@TempDir Path dir) throws Exception {
        try (TestStack stack = TestStack.start(dir)) {
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection())))
                    .isZero();
            List<MarketEvent> events = EventStream.of("rebalance", 2_400);
            ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), events);
            Map<String, TipHttp> live = new ConcurrentHashMap<>();
            List<Answer> answers = new CopyOnWriteArrayList<>();
            AtomicLong rounds = new AtomicLong();
            Runnable poll = () -> {
                live.forEach((name, http) -> THESES.forEach(id -> {
                    TipHttp.Response r = http.get("/api/theses/" + id);
                    boolean stale = r.status() == 200 && r.json().at("/state/stale").asBoolean(false);
                    answers.add(new Answer(System.currentTimeMillis(), name, id, r.status(), stale,
                            r.status() == 200 ? "" : r.body()));
                }));
                rounds.incrementAndGet();
            };
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

            // Given two instances sharing a steady stream
            Pipeline a = Pipeline.start(stack, APP, dir.resolve("a"), SETTINGS);
            Pipeline b = Pipeline.start(stack, APP, dir.resolve("b"), SETTINGS);
            live.put("a", a.http());
            live.put("b", b.http());
            try (EventProducer producer = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts());
                 CommittedTopic<String, ThesisState> states = CommittedTopic.of(stack.bootstrapServers(), stack.topics().state());
                 ConsumerGroupLag lag = new ConsumerGroupLag(stack.bootstrapServers())) {
                producer.startSteady(events, 150);
                poller.scheduleWithFixedDelay(poll, 0, 200, TimeUnit.MILLISECONDS);
                await().atMost(Duration.ofSeconds(60)).until(() -> impacts.values().size(), n -> n > 500);

                // When one stops, the other takes over; then a third joins
                live.remove("a");
                long round = rounds.get();
                // a round under way may still ask it: the instance going away is not what is measured
                await("a polling round without the instance stopping").atMost(Duration.ofSeconds(60)).until(() -> rounds.get() >= round + 2);
                a.close();
                await().atMost(Duration.ofSeconds(60)).until(() -> impacts.values().size(), n -> n > 1_800);
                Pipeline c = Pipeline.start(stack, APP, dir.resolve("c"), SETTINGS);
                live.put("c", c.http());
                try (c; b) {
                    producer.awaitSteadyDone(Duration.ofMinutes(2));

                    // Then every event is processed exactly once and the state is the clean run's
                    await("the instances to catch up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        assertThat(lag.lag(APP, stack.topics().marketEvents().name())).isZero();
                        assertThat(lag.lag(APP, stack.topics().impacts().name())).isLessThanOrEqualTo(3);
                    });
                    assertThat(impacts.countBy(ThesisImpact::getId)).as("every expected impact exactly once")
                            .isEqualTo(ReferenceCounts.ones(expected.impactsById().keySet()));
                    await("thesis-state to settle").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                            assertThat(states.latestByKey()).isEqualTo(expected.states()));
                    // and, once settled, both remaining instances answer for every thesis with fresh state
                    await("both instances to answer for every thesis").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        for (TipHttp http : List.of(b.http(), c.http())) {
                            for (String id : THESES) {
                                TipHttp.Response r = http.get("/api/theses/" + id);
                                assertThat(r.status()).as(id + ": " + r.body()).isEqualTo(200);
                                assertThat(r.json().at("/state/supports").asInt() + r.json().at("/state/challenges").asInt()
                                        + r.json().at("/state/reviews").asInt()).as(id).isEqualTo(expected.states().get(id).getSupports()
                                        + expected.states().get(id).getChallenges() + expected.states().get(id).getReviews());
                            }
                        }
                    });
                    poller.shutdown();
                    assertThat(poller.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
                }
            }
            // and the API answered throughout: only 200, or 503 "try again" while a rebalance is under way
            long ok = answers.stream().filter(x -> x.status() == 200).count();
            long unavailable = answers.stream().filter(x -> x.status() == 503).count();
            long stale = answers.stream().filter(Answer::stale).count();
            long longestGapMs = longestGapWithoutAnAnswer(answers);
            System.out.printf("rebalance: %d answers: %d OK (%d marked stale), %d 503; longest time a thesis had no 200 from any instance: %d ms%n",
                    answers.size(), ok, stale, unavailable, longestGapMs);
            answers.stream().filter(x -> x.status() != 200 && x.status() != 503).limit(5)
                    .forEach(x -> System.out.printf("rebalance: unexpected answer %s%n", x));
            // (every answer 200 or 503 — a flawless rebalance with no 503 passes too; how long and how often is printed above, not asserted)
            assertThat(answers).isNotEmpty().allSatisfy(x -> assertThat(x.status()).as(x.toString()).isIn(200, 503));
        }
    }

    private static long longestGapWithoutAnAnswer(List<Answer> answers) {
        long longest = 0;
        for (String id : THESES) {
            long last = answers.isEmpty() ? 0 : answers.get(0).atMs();
            for (Answer x : answers) {
                if (x.thesis().equals(id) && x.status() == 200) {
                    longest = Math.max(longest, x.atMs() - last);
                    last = x.atMs();
                }
            }
        }
        return longest;
    }
}
