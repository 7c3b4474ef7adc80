package io.tip.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tip.app.Tip;

/** `tip test`, offline: what an analyst running it in a loop reads. Its equivalence with the pipeline is checked in modules/it. */
class TestCommandTest {
    private static final String VAULT = "../../examples/vault";
    private static final String EVENTS = "../../examples/events.jsonl";
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

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Impacts printed as tip demo prints them: a line per direct impact, "+N downstream: …" under it. */
    private long impactsPrinted() {
        long count = 0;
        for (String line : lines()) {
            if (line.contains(" — ")) {
                count++;
            } else if (line.strip().matches("\\+\\d+ downstream: .*")) {
                count += Long.parseLong(line.strip().substring(1, line.strip().indexOf(' ')));
            }
        }
        return count;
    }

    @Test
    void theExampleVaultAndEventsGiveThirteenImpactsThenASummary() {
        int code = Tip.run("test", VAULT, EVENTS);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = lines();
        assertThat(impactsPrinted()).isEqualTo(13);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Training-inference convergence — CHALLENGED by NVIDIA to acquire Groq for $20B (0.80): "
                + "Paying for an inference-only architecture suggests the workloads stay distinct.  [Training-inference convergence.md:"));
        assertThat(lines).contains("    +2 downstream: Inference economics REVIEW (0.40), Long Broadcom REVIEW (0.40)");
        assertThat(lines).contains("summary: 7 events evaluated, 0 rejected, 0 re-sent (deduplicated), 2 moved no thesis",
                "  Training-inference convergence (training-inference-convergence): STRENGTHENING score +0.90",
                "    3 supporting, 1 challenging, 0 to review; 4 direct",
                "    evt-maersk-capacity  Maersk adds Asia-Europe container capacity");
    }

    @Test
    void oneThesisByTitleAsJsonLines() throws IOException {
        int code = Tip.run("test", VAULT, EVENTS, "--thesis", "long broadcom", "--json");

        assertThat(code).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = lines().stream().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        List<JsonNode> impacts = nodes.subList(0, nodes.size() - 1);
        assertThat(impacts).hasSize(5).allSatisfy(i -> assertThat(i.get("thesisId").asText()).isEqualTo("long-broadcom"));
        JsonNode summary = nodes.get(nodes.size() - 1).get("summary");
        assertThat(summary.get("theses")).singleElement().satisfies(t -> {
            assertThat(t.get("status").asText()).isEqualTo("STRENGTHENING");
            assertThat(t.get("byStance").get("SUPPORTS").asInt()).isEqualTo(1);
            assertThat(t.get("byOrder").get("2").asInt()).isEqualTo(4);
        });
    }

    @Test
    void aReSentEventMovesNothingTheSecondTime() throws IOException {
        Path events = dir.resolve("twice.jsonl");
        String groq = Files.readAllLines(Path.of(EVENTS)).stream().filter(l -> l.contains("evt-nvda-groq")).findFirst().orElseThrow();
        Files.writeString(events, groq + "\n" + groq + "\n");

        assertThat(Tip.run("test", VAULT, events.toString())).isZero();

        assertThat(impactsPrinted()).isEqualTo(3);
        assertThat(lines()).contains("summary: 2 events evaluated, 0 rejected, 1 re-sent (deduplicated), 0 moved no thesis");
    }

    @Test
    void badLinesAreReportedAtTheirLineAndTheRestIsStillEvaluated() throws IOException {
        Path events = dir.resolve("bad.jsonl");
        String groq = Files.readAllLines(Path.of(EVENTS)).stream().filter(l -> l.contains("evt-nvda-groq")).findFirst().orElseThrow();
        String future = groq.replace("evt-nvda-groq", "evt-future").replace("2025-12-24", "2999-01-01");
        Files.writeString(events, "{not json\n" + groq + "\n" + future + "\n");

        int code = Tip.run("test", VAULT, events.toString());

        assertThat(code).isEqualTo(1);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains(events + ":1: not valid JSON")
                .contains(events + ":3: rejected (the dead-letter topic would get it): occurredAt 2999-01-01T00:00:00Z is in the future")
                .contains("tip: 1 line(s) of " + events + " are not events (above); the rest were evaluated");
        assertThat(impactsPrinted()).isEqualTo(3);
    }

    @Test
    void aVaultWithErrorsExitsTwoAndAnUnknownThesisOneWithOneLine() throws IOException {
        Files.writeString(dir.resolve("Bad.md"), "# Bad\n\nA thesis.\n\n## Signals\n\n| Stance | When | Why |\n|---|---|---|\n| SUPPORTS | type=nonsense and | broken |\n");

        assertThat(Tip.run("test", dir.toString(), EVENTS)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Bad.md:9:").contains("tip: the vault has errors");

        err.reset();
        assertThat(Tip.run("test", VAULT, EVENTS, "--thesis", "no-such-thesis")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("tip: no thesis 'no-such-thesis' in the vault; give an id or a title, one of: inference-economics, long-broadcom, training-inference-convergence");
    }
}
