package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tip.app.config.TipSettings;
import io.tip.app.pipeline.PipelineService;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.topics.Topics;

/**
 * Issue 11: `tip test` runs the pipeline's own code offline, so it must find exactly what the real
 * pipeline on a broker finds. The same vault and events go through both, and the impacts are
 * compared as (event, thesis, stance, order, magnitude), the final states as (score, status).
 */
class TrialEquivalenceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What an impact says, without its explanation text. */
    record Seen(String eventId, String thesisId, String stance, int order, double magnitude) {
        static Seen of(ThesisImpact i) {
            return new Seen(i.getEventId(), i.getThesisId(), i.getStance().name(), i.getOrder(), i.getMagnitude());
        }

        static Seen of(JsonNode i) {
            return new Seen(i.get("eventId").asText(), i.get("thesisId").asText(), i.get("stance").asText(), i.get("order").asInt(),
                    i.get("magnitude").asDouble());
        }
    }

    record Outcome(Set<Seen> impacts, int impactLines, Map<String, String> states) {
    }

    @Test
    void tipTestFindsWhatThePipelineFinds(@TempDir Path dir) throws Exception {
        Path trialVault = Repo.root().resolve("modules/it/src/test/resources/trial/vault");
        Path trialEvents = Repo.root().resolve("modules/it/src/test/resources/trial/events.jsonl");
        try (TestStack stack = TestStack.start(dir)) {
            // Given the example vault and events, as `tip demo` loads them
            Outcome offline = offline(Repo.exampleVault(), Repo.exampleEvents());
            Outcome live = pipeline(stack, dir, "examples-", Repo.exampleVault(), Repo.exampleEvents());
            // Then tip test prints the 13 impacts tip demo prints, and they are the pipeline's
            assertThat(offline.impactLines()).isEqualTo(13);
            assertThat(offline.impacts()).isEqualTo(live.impacts());
            assertThat(offline.states()).isEqualTo(live.states());

            // Given a vault with multi-hop propagation, a cycle, conflicting signals, a mention-only note and a re-sent event
            offline = offline(trialVault, trialEvents);
            live = pipeline(stack, dir, "trial-", trialVault, trialEvents);
            // Then the vault does exercise each of them
            assertThat(offline.impacts()).anySatisfy(s -> assertThat(s.order()).isGreaterThanOrEqualTo(3));
            assertThat(offline.impacts()).contains(new Seen("evt-hynix-miss", "memory-supercycle", "REVIEW", 1, 0.7));
            assertThat(offline.impacts()).contains(new Seen("evt-samsung-foundry", "watching-micron", "REVIEW", 1, 0.5));
            assertThat(offline.impacts().stream().filter(s -> s.eventId().equals("evt-micron-hbm4"))).hasSize(5);
            assertThat(offline.impactLines()).as("the re-sent event's impacts are printed once").isEqualTo(offline.impacts().size());
            // and tip test and the pipeline agree on every impact and every final state
            assertThat(offline.impacts()).isEqualTo(live.impacts());
            assertThat(offline.states()).isEqualTo(live.states());
        }
    }

    private static Outcome offline(Path vault, Path events) throws Exception {
        CliRun run = CliRun.of("test", vault.toString(), events.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Set<Seen> impacts = new HashSet<>();
        Map<String, String> states = new HashMap<>();
        int lines = 0;
        for (String line : run.out().split("\n")) {
            JsonNode node = MAPPER.readTree(line);
            if (node.has("summary")) {
                node.get("summary").get("theses").forEach(t -> states.put(t.get("thesisId").asText(),
                        t.get("status").asText() + " " + t.get("score").asDouble()));
            } else {
                impacts.add(Seen.of(node));
                lines++;
            }
        }
        return new Outcome(impacts, lines, states);
    }

    private static Outcome pipeline(TestStack stack, Path dir, String prefix, Path vault, Path events) {
        String[] connection = HeadlineScenario.concat(stack.connection(), new String[] {"-D", "topic.prefix=" + prefix});
        TipSettings settings = stack.settings(Map.of("topic.prefix", prefix, "application.id", prefix + "pipeline",
                "state.dir", dir.resolve(prefix + "streams").toString()));
        Topics topics = settings.topics();
        assertThat(CliRun.of(HeadlineScenario.concat(new String[] {"load", vault.toString()}, connection)).exitCode()).isZero();
        try (PipelineService pipeline = PipelineService.start(settings, topics);
             ConsumerGroupLag lag = new ConsumerGroupLag(stack.bootstrapServers());
             CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), topics.impacts());
             CommittedTopic<String, ThesisState> states = CommittedTopic.of(stack.bootstrapServers(), topics.state())) {
            pipeline.awaitRunning(Duration.ofMinutes(2));
            assertThat(CliRun.of(HeadlineScenario.concat(new String[] {"publish", events.toString()}, connection)).exitCode()).isZero();
            // processed means the group's offsets are committed, and under exactly-once its outputs with them
            await("the pipeline processes every event").atMost(Duration.ofSeconds(90))
                    .until(() -> lag.lag(pipeline.applicationId(), topics.marketEvents().name()) == 0);
            // thesis-state is folded from thesis-impacts by a second sub-topology: wait until it has read them all
            await("thesis-state folds every impact").atMost(Duration.ofSeconds(90))
                    .until(() -> lag.lag(pipeline.applicationId(), topics.impacts().name()) == 0);
            List<ThesisImpact> all = impacts.values();
            Set<Seen> seen = new HashSet<>();
            all.forEach(i -> seen.add(Seen.of(i)));
            assertThat(all).as("no impact twice").hasSize(seen.size());
            Map<String, String> folded = new HashMap<>();
            states.latestByKey().forEach((id, s) -> folded.put(id, s.getStatus() + " " + s.getScore()));
            return new Outcome(seen, new ArrayList<>(all).size(), folded);
        }
    }
}
