package io.tip.app.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.model.EventType;
import io.tip.model.Stance;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisStatus;
import io.tip.notes.Vault;

/** The daily digest as an analyst opens it in the vault, and as `tip lint` reads it. */
class DailyDigestTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-30");
    private static final Instant FROM = Instant.parse("2026-11-30T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    private static ThesisImpact.Builder impact(String thesisId, String title, Stance stance, int order, String why) {
        List<String> path = order == 1 ? List.of(thesisId) : List.of("training-inference-convergence", thesisId);
        return ThesisImpact.newBuilder().setId("impact-" + thesisId).setThesisId(thesisId).setThesisTitle(title)
                .setEventId("evt-nvda-groq").setEventHeadline("NVIDIA to acquire Groq for $20B").setEventType(EventType.ACQUISITION)
                .setEventTime(Instant.parse("2025-12-24T00:00:00Z")).setStance(stance).setMagnitude(order == 1 ? 0.8 : 0.4)
                .setOrder(order).setPath(path).setSignals(List.of()).setWhy(why).setEventUrl("https://example.com/groq")
                .setRule(order == 1 ? "type=acquisition and target.tag=inference-specialist" : "")
                .setRuleLocation(order == 1 ? "Training-inference convergence.md:89" : "");
    }

    private static final ThesisImpact DIRECT = impact("training-inference-convergence", "Training-inference convergence",
            Stance.CHALLENGES, 1, "Paying for an inference-only architecture suggests the workloads stay distinct.").build();
    private static final ThesisImpact DOWNSTREAM = impact("long-broadcom", "Long Broadcom", Stance.REVIEW, 2,
            "Training-inference convergence is challenged; for Long Broadcom: ASIC customers may consolidate").build();
    private static final ThesisAlert ALERT = ThesisAlert.newBuilder().setId("alert-1").setThesisId("training-inference-convergence")
            .setThesisTitle("Training-inference convergence").setPreviousStatus(ThesisStatus.STEADY).setStatus(ThesisStatus.CHALLENGED)
            .setScore(-0.8).setCause(DIRECT).build();

    @Test
    void statusChangesComeFirstThenEachThesisWithDirectImpactsAndDownstreamCollapsed() {
        String note = DailyDigest.markdown(DAY, FROM, TO, List.of(DOWNSTREAM, DIRECT, DIRECT), List.of(ALERT));

        assertThat(note).startsWith("---\ntype: digest\nday: 2026-11-30\n---\n# Impacts 2026-11-30\n");
        assertThat(note.indexOf("## Status changes")).isLessThan(note.indexOf("## [[Long Broadcom]]"));
        assertThat(note).contains("- [[Training-inference convergence]]: STEADY → CHALLENGED (score -0.80), after "
                + "[NVIDIA to acquire Groq for $20B](https://example.com/groq)");
        assertThat(note).contains("## [[Training-inference convergence]]\n\n- **CHALLENGED by** [NVIDIA to acquire Groq for $20B]"
                + "(https://example.com/groq) (0.80): Paying for an inference-only architecture suggests the workloads stay distinct. "
                + "— rule `type=acquisition and target.tag=inference-specialist` (Training-inference convergence.md:89)\n");
        assertThat(note).contains("## [[Long Broadcom]]\n\n- 1 downstream (through implications)\n"
                + "    - to REVIEW after [NVIDIA to acquire Groq for $20B](https://example.com/groq) (0.40) via [[Training-inference convergence]]\n");
        assertThat(note.split("CHALLENGED by\\*\\*", -1)).as("a repeated impact counts once").hasSize(2);
    }

    @Test
    void theSameImpactsInAnyOrderGiveTheSameNote() {
        assertThat(DailyDigest.markdown(DAY, FROM, TO, List.of(DOWNSTREAM, DIRECT), List.of(ALERT)))
                .isEqualTo(DailyDigest.markdown(DAY, FROM, TO, List.of(DIRECT, DOWNSTREAM), List.of(ALERT)));
    }

    @Test
    void tipLintAcceptsTheExampleVaultWithADigestInIt(@TempDir Path dir) throws IOException {
        // Given the example vault, as tip lint reports it
        copy(Path.of("../../examples/vault"), dir);
        Lint before = lint(dir);

        // When a digest is written into its Impacts/ folder
        Files.createDirectories(dir.resolve("Impacts"));
        Files.writeString(dir.resolve("Impacts/2026-11-30.md"), DailyDigest.markdown(DAY, FROM, TO, List.of(DIRECT, DOWNSTREAM), List.of(ALERT)));
        Lint after = lint(dir);

        // Then tip lint passes and reports exactly what it did before: the digest adds no thesis, problem or warning
        assertThat(after.code()).as(after.err()).isZero();
        assertThat(after).isEqualTo(before);
        assertThat(after.out()).contains("3 theses, 4 implications, 5 entities; 0 error(s)");
        assertThat(Vault.read(dir).theses()).extracting(t -> t.getTitle()).doesNotContain("Impacts 2026-11-30");
    }

    private record Lint(int code, String out, String err) {
    }

    private static Lint lint(Path vault) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Tip.run("lint", vault.toString());
            return new Lint(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
