package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tip.model.MarketEvent;

/**
 * Every command's exit code as a shell script sees it, each command its own JVM logging as the
 * shipped jar does: 0 on success, 1 with one line on stderr when something is wrong, 2 for usage.
 */
class CommandLineExitCodesTest {
    private static final Duration RUN = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static TestStack stack;
    private static Path logs;

    @BeforeAll
    static void startStack() {
        stack = TestStack.start(dir);
        logs = dir.resolve("logs");
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    private static TipProcess tip(String name, String... args) {
        TipProcess tip = TipProcess.startAsShipped(logs, name, args);
        tip.awaitExit(RUN);
        return tip;
    }

    private static String[] connected(String... command) {
        return HeadlineScenario.concat(command, stack.connection());
    }

    @Test
    void publishWithBadLinesExits1NamingEachLineAndPublishesTheGoodOnes() throws IOException {
        Path events = dir.resolve("mixed.jsonl");
        Files.write(events, List.of(
                "{\"id\":\"ok-1\",\"type\":\"ACQUISITION\",\"actor\":\"A\",\"occurredAt\":\"2025-01-01\",\"headline\":\"A buys\"}",
                "{\"id\":\"broken\",",
                "{\"id\":\"no-actor\",\"type\":\"ACQUISITION\",\"occurredAt\":\"2025-01-01\",\"headline\":\"who?\"}",
                "{\"id\":\"ok-2\",\"type\":\"MERGER\",\"actor\":\"B\",\"occurredAt\":\"2025-01-02\",\"headline\":\"B merges\"}"));

        TipProcess publish = tip("publish-mixed", connected("publish", events.toString()));

        assertThat(publish.exitCode()).as(publish.stderr()).isEqualTo(1);
        assertThat(publish.stderrLines()).filteredOn(l -> l.startsWith(events.toString()))
                .extracting(l -> l.substring(events.toString().length(), l.indexOf(": ")))
                .containsExactly(":2", ":3");
        assertThat(publish.stderrLines()).contains("published 2 event(s) to market-events; 2 bad line(s) skipped (see above)");
        try (CommittedTopic<String, MarketEvent> topic = CommittedTopic.of(stack.bootstrapServers(), stack.topics().marketEvents())) {
            assertThat(topic.values()).extracting(MarketEvent::getId).contains("ok-1", "ok-2").doesNotContain("broken", "no-actor");
        }
    }

    @Test
    void stateOfAnUnknownThesisExits1WithOneLine() {
        TipProcess state = tip("state-unknown", connected("state", "no-such-thesis"));

        assertThat(state.exitCode()).isEqualTo(1);
        assertThat(state.stderrLines()).containsExactly("tip: no state for thesis 'no-such-thesis': it has had no impact yet, "
                + "or the id is wrong (`tip state` lists every impacted thesis)");
    }

    @Test
    void runWithKafkaUnreachableExits1WithOneLineSayingWhatToDo() throws IOException {
        String nobody = "localhost:" + freePort();

        TipProcess run = tip("run-unreachable", "run", "--bootstrap-servers", nobody, "--schema-registry-url", stack.registryUrl(),
                "--http-port", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderrLines()).containsExactly("tip: cannot reach Kafka at " + nobody + " — start one with `./tip dev`, "
                + "or point tip at your cluster with --bootstrap-servers (and --config for SASL/SSL settings)");
    }

    @Test
    void aUsageErrorExits2() {
        TipProcess publish = tip("publish-no-file", "publish");

        assertThat(publish.exitCode()).isEqualTo(2);
        assertThat(publish.stderrLines()).first().isEqualTo("Missing required parameter: 'FILE'");
        assertThat(publish.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void demoExitWhenIdleExits0AfterPrintingExactlyTheExpectedImpacts() {
        ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), EventStream.examples());

        TipProcess demo = tip("demo", "demo", "--exit-when-idle", "--json");

        assertThat(demo.exitCode()).as(demo.stderr()).isZero();
        List<JsonNode> printed = demo.stdoutLines().stream().map(CommandLineExitCodesTest::json).toList();
        Set<String> ids = new TreeSet<>();
        printed.forEach(j -> ids.add(j.get("id").asText()));
        assertThat(printed).as("no impact printed twice").hasSize(ids.size());
        assertThat(ids).isEqualTo(new TreeSet<>(expected.impactsById().keySet()));
        for (JsonNode impact : printed) {
            var want = expected.impactsById().get(impact.get("id").asText());
            assertThat(impact.get("thesisId").asText()).isEqualTo(want.getThesisId());
            assertThat(impact.get("stance").asText()).isEqualTo(want.getStance().name());
            assertThat(impact.get("order").asInt()).isEqualTo(want.getOrder());
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("tip demo --json printed a line that is not JSON: " + line, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
