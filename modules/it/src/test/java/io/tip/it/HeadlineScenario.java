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

    private HeadlineScenario() {
    }

    static void run(String bootstrapServers, String registryUrl, Path stateDir) {
        String[] connection = {"--bootstrap-servers", bootstrapServers, "--schema-registry-url", registryUrl};
        TipSettings settings = TipSettings.load(null, Map.of(), Map.of("bootstrap.servers", bootstrapServers,
                "schema.registry.url", registryUrl, "application.id", "tip-headline", "state.dir", stateDir.toString()));
        Topics topics = settings.topics();

        // Given the example vault loaded and the pipeline running
        assertThat(Tip.run(concat(new String[] {"load", Repo.exampleVault().toString()}, connection))).isZero();
        try (PipelineService pipeline = PipelineService.start(settings, topics);
             CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(bootstrapServers, topics.impacts());
             CommittedTopic<String, ThesisState> states = CommittedTopic.of(bootstrapServers, topics.state());
             CommittedTopic<String, ThesisAlert> alerts = CommittedTopic.of(bootstrapServers, topics.alerts())) {
            pipeline.awaitRunning(Duration.ofMinutes(2));

            // When the example events are published
            assertThat(Tip.run(concat(new String[] {"publish", Repo.exampleEvents().toString()}, connection))).isZero();

            // Then the Groq acquisition challenges convergence directly and reaches its implications as REVIEW
            List<ThesisImpact> groq = await("the three impacts of " + GROQ_EVENT).atMost(Duration.ofSeconds(60))
                    .until(() -> impacts.values().stream().filter(i -> i.getEventId().equals(GROQ_EVENT)).toList(),
                            list -> list.size() >= 3);
            assertThat(groq).extracting(ThesisImpact::getThesisId, ThesisImpact::getStance, ThesisImpact::getOrder)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(CONVERGENCE, Stance.CHALLENGES, 1),
                            org.assertj.core.groups.Tuple.tuple(LONG_BROADCOM, Stance.REVIEW, 2),
                            org.assertj.core.groups.Tuple.tuple(INFERENCE_ECONOMICS, Stance.REVIEW, 2));
            ThesisImpact direct = groq.stream().filter(i -> i.getOrder() == 1).findFirst().orElseThrow();
            assertThat(direct.getWhy()).contains("inference-only architecture");
            assertThat(direct.getSignals()).singleElement().satisfies(s -> assertThat(s.getRule()).contains("inference-specialist"));
            groq.stream().filter(i -> i.getOrder() == 2)
                    .forEach(i -> assertThat(i.getPath()).containsExactly(CONVERGENCE, i.getThesisId()));

            // and no impact is there twice, every one keyed by its thesis
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var all = impacts.catchUp();
                assertThat(all).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getThesisId()));
                assertThat(impacts.countBy(ThesisImpact::getId)).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            });

            // and the state and alert tables follow
            ThesisState convergence = await("thesis-state of " + CONVERGENCE).atMost(Duration.ofSeconds(60))
                    .until(() -> states.latestByKey().get(CONVERGENCE),
                            s -> s != null && s.getLastImpacts().stream().anyMatch(i -> i.getEventId().equals(GROQ_EVENT)));
            assertThat(convergence.getChallenges()).isGreaterThanOrEqualTo(1);
            await("an alert").atMost(Duration.ofSeconds(60)).until(() -> alerts.values(), list -> !list.isEmpty());
            assertThat(alerts.values()).allSatisfy(a -> assertThat(a.getStatus()).isNotEqualTo(a.getPreviousStatus()));
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
