package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tip.app.Tip;
import io.tip.app.config.TipSettings;
import io.tip.app.pipeline.PipelineService;
import io.tip.model.Stance;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.ThesisStatus;
import io.tip.model.topics.Topics;

/**
 * The headline case of the product brief, end to end on whatever Kafka and registry it is given
 * (the embedded stack, or containers): load the example vault, run the pipeline, publish the
 * example events, and read the outputs as an alerting consumer does.
 */
final class HeadlineScenario {
    static final String CONVERGENCE = "training-inference-convergence";
    static final String LONG_BROADCOM = "long-broadcom";
    static final String INFERENCE_ECONOMICS = "inference-economics";
    static final String GROQ_EVENT = "evt-nvda-groq";
    private static final String APPLICATION_ID = "tip-headline";

    private HeadlineScenario() {
    }

    /**
     * How each role reaches the cluster: the flags of `tip load` and `tip publish`, the pipeline's settings,
     * and the client settings of whoever reads the outputs. On an open cluster every role connects alike.
     */
    record Roles(String[] loader, String[] producer, Map<String, String> pipeline, Map<String, Object> reader) {
        static Roles open(String bootstrapServers, String registryUrl) {
            String[] connection = {"--bootstrap-servers", bootstrapServers, "--schema-registry-url", registryUrl};
            return new Roles(connection, connection, Map.of("bootstrap.servers", bootstrapServers, "schema.registry.url", registryUrl),
                    Map.of("bootstrap.servers", bootstrapServers));
        }
    }

    static void run(String bootstrapServers, String registryUrl, Path stateDir) {
        run(Roles.open(bootstrapServers, registryUrl), APPLICATION_ID, stateDir);
    }

    /** The scenario with each role connecting as {@code roles} says; the pipeline runs as {@code applicationId}. */
    static void run(Roles roles, String applicationId, Path stateDir) {
        Map<String, String> pipelineSettings = new java.util.HashMap<>(roles.pipeline());
        pipelineSettings.put("application.id", applicationId);
        pipelineSettings.put("state.dir", stateDir.toString());
        TipSettings settings = TipSettings.load(null, Map.of(), pipelineSettings);
        Topics topics = settings.topics();

        // Given the example vault loaded and the pipeline running
        assertThat(Tip.run(concat(new String[] {"load", Repo.exampleVault().toString()}, roles.loader()))).isZero();
        try (PipelineService pipeline = PipelineService.start(settings, topics);
             CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(roles.reader(), topics.impacts());
             CommittedTopic<String, ThesisState> states = CommittedTopic.of(roles.reader(), topics.state());
             CommittedTopic<String, ThesisAlert> alerts = CommittedTopic.of(roles.reader(), topics.alerts())) {
            pipeline.awaitRunning(Duration.ofMinutes(2));

            // When the example events are published
            assertThat(Tip.run(concat(new String[] {"publish", Repo.exampleEvents().toString()}, roles.producer()))).isZero();

            // and the pipeline has processed every event and every impact (its consumer group's lag is 0)
            try (ConsumerGroupLag lag = new ConsumerGroupLag(roles.reader())) {
                await("the pipeline to process every event and impact").atMost(Duration.ofSeconds(90)).until(() ->
                        lag.lag(applicationId, topics.marketEvents().name()) == 0 && lag.lag(applicationId, topics.impacts().name()) == 0);
            }
            ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), EventStream.examples());

            // Then the Groq acquisition challenges convergence directly and reaches its implications as REVIEW
            List<ThesisImpact> groq = impacts.values().stream().filter(i -> i.getEventId().equals(GROQ_EVENT)).toList();
            assertThat(groq).extracting(ThesisImpact::getThesisId, ThesisImpact::getStance, ThesisImpact::getOrder)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(CONVERGENCE, Stance.CHALLENGES, 1),
                            org.assertj.core.groups.Tuple.tuple(LONG_BROADCOM, Stance.REVIEW, 2),
                            org.assertj.core.groups.Tuple.tuple(INFERENCE_ECONOMICS, Stance.REVIEW, 2));
            ThesisImpact direct = groq.stream().filter(i -> i.getOrder() == 1).findFirst().orElseThrow();
            assertThat(direct.getWhy()).contains("inference-only architecture");
            assertThat(direct.getMagnitude()).isEqualTo(0.8);
            assertThat(direct.getSignals()).singleElement().satisfies(s -> assertThat(s.getRule()).contains("inference-specialist"));
            groq.stream().filter(i -> i.getOrder() == 2)
                    .forEach(i -> assertThat(i.getPath()).containsExactly(CONVERGENCE, i.getThesisId()));

            // and thesis-impacts holds exactly the impacts of a clean run, each once, keyed by its thesis
            assertThat(impacts.catchUp()).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getThesisId()));
            assertThat(impacts.countBy(ThesisImpact::getId)).isEqualTo(ReferenceCounts.ones(expected.impactsById().keySet()));
            assertThat(impacts.values()).allSatisfy(i -> assertThat(i).isEqualTo(expected.impactsById().get(i.getId())));

            // and thesis-state is, thesis for thesis and field for field, the state of the clean run
            assertThat(states.latestByKey()).isEqualTo(expected.states());
            assertThat(expected.states().get(CONVERGENCE).getChallenges()).isEqualTo(1);

            // and thesis-alerts tells each thesis's story from STEADY to its status now, each step caused by one of its impacts
            Map<String, List<ThesisAlert>> byThesis = new java.util.TreeMap<>();
            for (var record : alerts.catchUp()) {
                assertThat(record.key()).isEqualTo(record.value().getThesisId());
                byThesis.computeIfAbsent(record.key(), k -> new java.util.ArrayList<>()).add(record.value());
            }
            java.util.Set<String> moved = new java.util.TreeSet<>();
            expected.states().forEach((id, state) -> {
                if (state.getStatus() != ThesisStatus.STEADY) {
                    moved.add(id);
                }
            });
            assertThat(byThesis.keySet()).as("theses with an alert").containsAll(moved);
            byThesis.forEach((thesis, story) -> {
                ThesisStatus status = ThesisStatus.STEADY;
                for (ThesisAlert alert : story) {
                    assertThat(alert.getPreviousStatus()).as(thesis + ": " + story).isEqualTo(status);
                    assertThat(alert.getStatus()).as(thesis + ": " + story).isNotEqualTo(status);
                    assertThat(alert.getCause()).as("the cause is one of the thesis's impacts")
                            .isEqualTo(expected.impactsById().get(alert.getCause().getId()));
                    assertThat(alert.getCause().getThesisId()).isEqualTo(thesis);
                    status = alert.getStatus();
                }
                assertThat(status).as(thesis + " ends where its state is").isEqualTo(expected.states().get(thesis).getStatus());
            });
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
