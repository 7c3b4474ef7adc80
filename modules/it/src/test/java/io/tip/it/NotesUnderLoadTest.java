package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.model.MarketEvent;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;

/**
 * Issue 7, notes under load: theses added, changed and deleted with `tip load` while events flow
 * apply within seconds; and after a restart no event is matched against a half-loaded table.
 */
class NotesUnderLoadTest {
    private static final String EDGE = "edge-inference";

    @Test
    void thesesAddedChangedAndDeletedWhileEventsFlowApplyWithinSeconds(@TempDir Path dir) throws Exception {
        Path vault = dir.resolve("vault");
        Repo.copyExampleVault(vault);
        try (TestStack stack = TestStack.start(dir)) {
            load(stack, vault);
            try (Pipeline pipeline = Pipeline.start(stack, "tip-notes", dir.resolve("streams"), Map.of());
                 EventProducer background = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents());
                 EventProducer probes = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts())) {
                background.startSteady(EventStream.of("flow", 3_000), 100); // events keep flowing throughout
                ImpactProbe probe = new ImpactProbe(probes, impacts, EDGE);

                // When a thesis is added
                writeEdgeNote(vault, "SUPPORTS");
                load(stack, vault);
                // Then events match it within seconds, and from then on every one does
                probe.until(i -> i.thesis(EDGE).map(ThesisImpact::getStance).equals(Optional.of(Stance.SUPPORTS)));

                // When its signal changes stance
                writeEdgeNote(vault, "CHALLENGES");
                load(stack, vault);
                probe.until(i -> i.thesis(EDGE).map(ThesisImpact::getStance).equals(Optional.of(Stance.CHALLENGES)));

                // When the note is deleted (a tombstone)
                Files.delete(vault.resolve("Edge inference.md"));
                load(stack, vault);
                probe.until(i -> i.thesis(EDGE).isEmpty());
            }
        }
    }

    @Test
    void afterARestartEveryEventIsMatchedAgainstTheFullyRestoredTables(@TempDir Path dir) {
        try (TestStack stack = TestStack.start(dir)) {
            load(stack, Repo.exampleVault());
            List<MarketEvent> backlog = EventStream.of("backlog", 700);
            ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), backlog);
            Map<String, String> quickRejoin = Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000");
            try (Pipeline first = Pipeline.start(stack, "tip-restore", dir.resolve("streams"), quickRejoin)) {
                // Given a pipeline that ran once and stopped, its tables kept only in Kafka and in memory
            }
            try (EventProducer producer = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts());
                 CommittedTopic<String, MarketEvent> unmatched = CommittedTopic.of(stack.bootstrapServers(), stack.topics().unmatched())) {
                // When a backlog waits for it and it starts again
                producer.sendAll(backlog);
                try (Pipeline again = Pipeline.start(stack, "tip-restore", dir.resolve("streams"), quickRejoin)) {
                    // Then the very first events already meet every thesis: nothing went unmatched for want of a table
                    await("the backlog processed").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        assertThat(impacts.countBy(ThesisImpact::getId)).isEqualTo(ReferenceCounts.ones(expected.impactsById().keySet()));
                        assertThat(unmatched.values()).hasSize(expected.unmatched());
                    });
                }
            }
        }
    }

    private static void load(TestStack stack, Path vault) {
        assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", vault.toString()}, stack.connection()))).isZero();
    }

    private static void writeEdgeNote(Path vault, String stance) throws IOException {
        Files.writeString(vault.resolve("Edge inference.md"), ImpactProbe.edgeNote(stance));
    }
}
