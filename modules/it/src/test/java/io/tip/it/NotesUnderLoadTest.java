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
    /** Enough theses that restoring their table takes many fetches, so matching against a half-restored table would show. */
    private static final int BULK_THESES = 3_000;

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
    void afterARestartEveryEventIsMatchedAgainstTheFullyRestoredTables(@TempDir Path dir) throws IOException {
        // Given the example vault and thousands more theses, each moved only by events tagged for it
        Path vault = dir.resolve("vault");
        Repo.copyExampleVault(vault);
        for (int i = 0; i < BULK_THESES; i++) {
            Files.writeString(vault.resolve("Bulk " + i + ".md"), """
                    ---
                    type: thesis
                    ---
                    # Bulk %d

                    ## Signals

                    | Stance | When | Why |
                    |--------|------|-----|
                    | SUPPORTS | tag=bulk-%d | tagged for it |
                    """.formatted(i, i));
        }
        // and a backlog whose events each name one of them, spread over the whole table (last ones included)
        List<MarketEvent> backlog = new java.util.ArrayList<>();
        List<MarketEvent> examples = EventStream.of("backlog", 700);
        for (int n = 0; n < examples.size(); n++) {
            String tag = "bulk-" + (n * 7919 % BULK_THESES);
            List<String> tags = new java.util.ArrayList<>(examples.get(n).getTags());
            tags.add(tag);
            backlog.add(MarketEvent.newBuilder(examples.get(n)).setTags(tags).build());
        }
        for (int n = 0; n < 50; n++) { // the theses loaded last
            backlog.add(MarketEvent.newBuilder(examples.get(n)).setId("backlog-last-" + n)
                    .setTags(List.of("bulk-" + (BULK_THESES - 1 - n))).build());
        }
        try (TestStack stack = TestStack.start(dir)) {
            load(stack, vault);
            ReferenceRun expected = ReferenceRun.of(vault, backlog);
            assertThat(expected.impactsById().values().stream().map(ThesisImpact::getThesisId).filter(id -> id.startsWith("bulk-")).distinct().count())
                    .as("the backlog moves hundreds of bulk theses").isGreaterThan(500);
            Map<String, String> quickRejoin = Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000");
            try (Pipeline first = Pipeline.start(stack, "tip-restore", dir.resolve("streams"), quickRejoin)) {
                // Given a pipeline that ran once and stopped, its tables kept only in Kafka and in memory
            }
            try (EventProducer producer = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts());
                 CommittedTopic<String, MarketEvent> unmatched = CommittedTopic.of(stack.bootstrapServers(), stack.topics().unmatched());
                 ConsumerGroupLag lag = new ConsumerGroupLag(stack.bootstrapServers())) {
                // When a backlog waits for it and it starts again
                producer.sendAll(backlog);
                try (Pipeline again = Pipeline.start(stack, "tip-restore", dir.resolve("streams"), quickRejoin)) {
                    await("the backlog processed").atMost(Duration.ofSeconds(120))
                            .until(() -> lag.lag("tip-restore", stack.topics().marketEvents().name()) == 0);
                    // Then the very first events already met every thesis: nothing went unmatched for want of a table
                    assertThat(impacts.countBy(ThesisImpact::getId)).isEqualTo(ReferenceCounts.ones(expected.impactsById().keySet()));
                    assertThat(unmatched.values()).hasSize(expected.unmatched());
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
