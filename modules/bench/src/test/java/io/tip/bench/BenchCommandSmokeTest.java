package io.tip.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import picocli.CommandLine;

/** The whole harness at a tiny size: it runs to the end and prints every promised field. No timing is asserted. */
class BenchCommandSmokeTest {

    @Test
    void a_tiny_run_prints_one_json_line_with_every_field() throws Exception {
        // Given stdout captured
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            // When a tiny bench runs with a short latency phase
            exit = new CommandLine(new BenchCommand()).execute("--theses", "100", "--events", "3000", "--latency-seconds", "7",
                    "--subscriptions", "20", "--json");
        } finally {
            System.setOut(original);
        }

        // Then it succeeds and its last line has the fields the issue asks for
        assertThat(exit).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        String json = lines.get(lines.size() - 1);
        assertThat(json).startsWith("{").endsWith("}")
                .contains("\"pipelineEventsPerSec\":", "\"passthroughEventsPerSec\":", "\"ratio\":", "\"impactsPerSec\":",
                        "\"e2eP50Ms\":", "\"e2eP99Ms\":", "\"e2eP999Ms\":", "\"heapMaxMb\":", "\"recordsWrittenPerEvent\":",
                        "\"theses\":100", "\"events\":3000", "\"subscriptions\":20", "\"guarantee\":\"exactly_once_v2\"")
                .doesNotContain("null").doesNotContain("\"routedCopies\":0,");
        // and the figures are measured, not left at zero
        JsonNode report = JsonMapper.builder().build().readTree(json);
        for (String rate : List.of("pipelineEventsPerSec", "passthroughEventsPerSec", "ratio", "impactsPerSec", "e2eP50Ms",
                "e2eP99Ms", "e2eP999Ms", "heapMaxMb", "recordsWrittenPerEvent")) {
            assertThat(report.get(rate).asDouble()).as(rate).isPositive();
        }
        assertThat(report.get("e2eP50Ms").asDouble()).isLessThanOrEqualTo(report.get("e2eP99Ms").asDouble());
        assertThat(report.get("e2eP99Ms").asDouble()).isLessThanOrEqualTo(report.get("e2eP999Ms").asDouble());
        assertThat(report.get("recordsWrittenPerEvent").asDouble()).as("at least the impacts and state of matched events").isGreaterThan(0.1);
    }
}
