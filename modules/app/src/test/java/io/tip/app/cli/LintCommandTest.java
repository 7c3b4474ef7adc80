package io.tip.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tip.app.Tip;

class LintCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;
    @TempDir Path dir;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void theExampleVaultLintsCleanAndItsJsonHoldsTheRecords() throws IOException {
        int code = Tip.run("lint", "../../examples/vault", "--json");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("theses")).hasSize(3);
        assertThat(json.get("entities")).hasSize(5);
        assertThat(json.get("implications").findValuesAsText("to")).contains("long-broadcom", "inference-economics");
    }

    @Test
    void aBadRuleIsReportedAtItsLineAndTheExitCodeSaysSo() throws IOException {
        Files.writeString(dir.resolve("Bad.md"), """
                # Bad

                A thesis.

                ## Signals

                | Stance | When | Why |
                |---|---|---|
                | CHALLENGES | type=acquisition and (target.tag=x | oops |
                """);

        int code = Tip.run("lint", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(dir.resolve("Bad.md") + ":9: ");
    }

    @Test
    void explainSaysWhatWasUnderstoodOfEachNote() {
        int code = Tip.run("lint", "../../examples/vault", "--explain");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "Long Broadcom.md: Long Broadcom: thesis, 3 signals, 0 implications, 1 counter-argument, 2 evidence rows, 2 links, "
                        + "updated 2025-12-30\n",
                "Training-inference convergence.md: Training-inference convergence: thesis, 3 signals, 4 implications (4 REVIEW), "
                        + "5 counter-arguments, 3 evidence rows, 7 links, updated 2025-12-30; not read: ## What's happening, "
                        + "## The NVIDIA-Groq tension\n",
                "Groq.md: Groq: entity (company), 0 aliases, 2 tags [inference-specialist, chips]\n",
                "3 theses, 4 implications, 5 entities; 0 error(s), 1 warning(s)");
    }

    @Test
    void aMissingVaultSaysWhatToGive() {
        int code = Tip.run("lint", dir.resolve("nope").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no vault at").contains("examples/vault");
    }
}
