package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.model.Stance;
import io.tip.model.Thesis;
import io.tip.model.ThesisImpact;

/**
 * Issue 10, live reload: `tip load --watch` against the embedded broker and a running pipeline.
 * Notes are added, edited (in place, through a temp file renamed over the note, and vim-style with
 * a backup), broken and deleted; the pipeline's matching follows each change, and the time from a
 * save to the new version being served by the pipeline is measured over 20 saves.
 */
class LoadWatchTest {
    private static final String EDGE = "edge-inference";
    private static final int SAVES = 20;

    @Test
    void thePipelineFollowsEverySavedChange(@TempDir Path dir) throws Exception {
        Path vault = dir.resolve("vault");
        Repo.copyExampleVault(vault);
        try (TestStack stack = TestStack.start(dir)) {
            // Given the watcher running (its first pass creates the topics and loads the vault) and then the pipeline
            AtomicInteger exit = new AtomicInteger(-1);
            Thread watch = new Thread(() -> exit.set(Tip.run(HeadlineScenario.concat(
                    new String[] {"load", "--watch", vault.toString()}, stack.connection()))), "tip-load-watch");
            watch.start();
            try (CommittedTopic<String, Thesis> theses = CommittedTopic.of(stack.bootstrapServers(), stack.topics().theses())) {
                await("the first load").atMost(Duration.ofSeconds(60))
                        // the watcher's first pass creates the topic; until then there is nothing to read
                        .ignoreExceptionsMatching(e -> e instanceof AssertionError && String.valueOf(e.getMessage()).endsWith("does not exist: nothing to read"))
                        .until(() -> theses.latestByKey().containsKey("long-broadcom"));
            }
            try (Pipeline pipeline = Pipeline.start(stack, "tip-watch", dir.resolve("streams"), Map.of());
                 EventProducer probes = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts())) {
                watchedSaves(vault, pipeline.http(), probes, impacts);
            }
            // Ctrl-C's equivalent for a command in a thread: it stops cleanly
            watch.interrupt();
            watch.join(Duration.ofSeconds(30).toMillis());
            assertThat(watch.isAlive()).isFalse();
            assertThat(exit.get()).isZero();
        }
    }

    private static void watchedSaves(Path vault, TipHttp http, EventProducer probes, CommittedTopic<String, ThesisImpact> impacts)
            throws IOException {
        await("the pipeline serves the vault").atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/theses/long-broadcom").status() == 200);
        ImpactProbe probe = new ImpactProbe(probes, impacts, EDGE);

        // When a note is added (written to a temp file and renamed into place, as many editors save)
        save(vault.resolve("Edge inference.md"), ImpactProbe.edgeNote("SUPPORTS"), Style.TEMP_FILE_RENAMED);
        probe.until(i -> i.thesis(EDGE).map(ThesisImpact::getStance).equals(Optional.of(Stance.SUPPORTS)));

        // When it is edited in place
        save(vault.resolve("Edge inference.md"), ImpactProbe.edgeNote("CHALLENGES"), Style.IN_PLACE);
        probe.until(i -> i.thesis(EDGE).map(ThesisImpact::getStance).equals(Optional.of(Stance.CHALLENGES)));

        // When an edit breaks it, the last good version stays live
        save(vault.resolve("Edge inference.md"), ImpactProbe.edgeNote("CHALLENGES").replace("tag=edge-inference", "tag=edge-inference and ("),
                Style.VIM_BACKUP);
        // while another note's change in the same save goes live
        String before = version(http, "long-broadcom");
        save(vault.resolve("Long Broadcom.md"), Files.readString(vault.resolve("Long Broadcom.md")) + "\nA later thought.\n",
                Style.IN_PLACE);
        await("the other note's change published").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> !version(http, "long-broadcom").equals(before));
        for (int i = 0; i < 3; i++) {
            assertThat(probe.send().thesis(EDGE).map(ThesisImpact::getStance)).contains(Stance.CHALLENGES);
        }

        // When it is deleted, it no longer matches
        Files.delete(vault.resolve("Edge inference.md"));
        probe.until(i -> i.thesis(EDGE).isEmpty());

        saveToLive(vault.resolve("Long Broadcom.md"), http);
    }

    /** From writing a note to the pipeline serving the new version, over {@link #SAVES} saves in every editor style. */
    private static void saveToLive(Path note, TipHttp http) throws IOException {
        List<Long> millis = new ArrayList<>();
        String original = Files.readString(note);
        for (int i = 0; i < SAVES; i++) {
            String marker = "save-" + i + "-of-" + SAVES;
            String text = original.replace("removes a revenue stream.", "removes a revenue stream (" + marker + ").");
            long start = System.nanoTime();
            save(note, text, Style.values()[i % Style.values().length]);
            await("save " + i + " live").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> http.get("/api/theses/long-broadcom").body().contains(marker));
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf("tip load --watch, save to live over %d saves: p50 %d ms, max %d ms (load average %.2f on %d cores, "
                        + "machine shared with other builds)%n", SAVES, millis.get(SAVES / 2 - 1), millis.get(SAVES - 1),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    private static String version(TipHttp http, String thesisId) {
        return http.get("/api/theses/" + thesisId).json().get("thesis").get("version").asText();
    }

    private enum Style { IN_PLACE, TEMP_FILE_RENAMED, VIM_BACKUP }

    /** Writes a note the way editors do. */
    private static void save(Path note, String text, Style style) throws IOException {
        switch (style) {
            case IN_PLACE -> Files.writeString(note, text);
            case TEMP_FILE_RENAMED -> {
                Path temp = note.resolveSibling("." + note.getFileName() + ".tmp");
                Files.writeString(temp, text);
                Files.move(temp, note, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            case VIM_BACKUP -> {
                Path backup = note.resolveSibling(note.getFileName() + "~");
                if (Files.exists(note)) {
                    Files.move(note, backup, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.writeString(note.resolveSibling("4913"), ""); // vim's probe that it may write here
                Files.delete(note.resolveSibling("4913"));
                Files.writeString(note, text);
                Files.deleteIfExists(backup);
            }
        }
    }
}
