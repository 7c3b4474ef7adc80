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
        // When a tiny bench runs with a short latency phase
        Run run = bench("--theses", "100", "--events", "3000", "--latency-seconds", "7", "--subscriptions", "20", "--json");

        // Then it succeeds and its last line has the fields the issue asks for
        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        String json = lines.get(lines.size() - 1);
        assertThat(json).startsWith("{").endsWith("}")
                .contains("\"pipelineEventsPerSec\":", "\"passthroughEventsPerSec\":", "\"ratio\":", "\"impactsPerSec\":",
                        "\"e2eP50Ms\":", "\"e2eP99Ms\":", "\"e2eP999Ms\":", "\"heapMaxMb\":", "\"recordsWrittenPerEvent\":",
                        "\"pipelineEventsPerCpuSec\":", "\"passthroughEventsPerCpuSec\":",
                        "\"theses\":100", "\"events\":3000", "\"subscriptions\":20", "\"guarantee\":\"exactly_once_v2\"")
                .doesNotContain("null").doesNotContain("\"routedCopies\":0,");
        // and the figures are measured, not left at zero
        JsonNode report = JsonMapper.builder().build().readTree(json);
        for (String rate : List.of("pipelineEventsPerSec", "passthroughEventsPerSec", "ratio", "impactsPerSec", "e2eP50Ms",
                "e2eP99Ms", "e2eP999Ms", "heapMaxMb", "recordsWrittenPerEvent", "pipelineEventsPerCpuSec", "passthroughEventsPerCpuSec")) {
            assertThat(report.get(rate).asDouble()).as(rate).isPositive();
        }
        assertThat(report.get("e2eP50Ms").asDouble()).isLessThanOrEqualTo(report.get("e2eP99Ms").asDouble());
        assertThat(report.get("e2eP99Ms").asDouble()).isLessThanOrEqualTo(report.get("e2eP999Ms").asDouble());
        assertThat(report.get("recordsWrittenPerEvent").asDouble()).as("at least the impacts and state of matched events").isGreaterThan(0.1);
    }

    @Test
    void several_runs_report_the_median_and_spread_of_each_and_apply_the_pipeline_settings() throws Exception {
        // When two tiny runs measure the pipeline with a producer setting over tip's defaults
        Run run = bench("--theses", "100", "--events", "2000", "--no-latency", "--runs", "2", "--set", "producer.linger.ms=7", "--json");

        // Then the last line holds the medians, the spread and both runs, each naming the setting it ran with
        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        JsonNode summary = JsonMapper.builder().build().readTree(lines.get(lines.size() - 1));
        assertThat(summary.get("runs").asInt()).isEqualTo(2);
        assertThat(summary.get("each")).hasSize(2);
        assertThat(summary.get("settings").get("producer.linger.ms").asText()).isEqualTo("7");
        double ratio = summary.get("ratio").asDouble();
        assertThat(ratio).isPositive().isBetween(summary.get("ratioMin").asDouble(), summary.get("ratioMax").asDouble());
        for (JsonNode each : summary.get("each")) {
            assertThat(each.get("settings").get("producer.linger.ms").asText()).isEqualTo("7");
            assertThat(each.get("load").asText()).contains("->");
        }
    }

    @Test
    void a_setting_the_pipeline_refuses_fails_the_run() {
        // When the pipeline is given a producer setting Kafka does not accept
        int exit = new CommandLine(new BenchCommand()).execute("--theses", "100", "--events", "500", "--no-latency",
                "--set", "producer.compression.type=fastest");

        // Then the run fails instead of measuring tip's defaults under another name
        assertThat(exit).isNotZero();
    }

    private record Run(int exit, String out) {
    }

    /** Runs the bench in this JVM with standard output captured. */
    private static Run bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new BenchCommand()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
