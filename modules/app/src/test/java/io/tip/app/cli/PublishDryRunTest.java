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

import io.tip.app.Tip;

/** {@code tip publish --dry-run FILE}: every line checked offline; nothing needs a broker. */
class PublishDryRunTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stderr;
    @TempDir Path dir;

    @BeforeEach
    void capture() {
        stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(stderr);
    }

    @Test
    void everyBadLineIsReportedAtItsLineAndTheExitCodeSaysSo() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, """
                {"id":"a","type":"CAPACITY","actor":"SK Hynix","amountUsd":"$4.5B","occurredAt":1766534400000,"headline":"one"}
                {"id":"b","type":"NOPE","actor":"A","occurredAt":"2025-01-01","headline":"two"}
                {"id":"c","type":"OTHER","actor":"A","occurredAt":"2025-01-01","headline":"three"}
                {"id":"d","type":"OTHER","actor":"A","amountUsd":"lots","occurredAt":"2025-01-01","headline":"four"}
                """);

        // no --bootstrap-servers: nothing may try to reach Kafka
        int code = Tip.run("publish", "--dry-run", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                file + ":2: unknown type 'NOPE' (known: ACQUISITION, MERGER, INVESTMENT, PARTNERSHIP, PRODUCT_LAUNCH, "
                        + "DISCONTINUATION, EARNINGS, GUIDANCE, REGULATION, PRICING, CAPACITY, OTHER)",
                file + ":4: amountUsd: bad amount 'lots' (a number of US dollars, optionally ending in K, M, B or T: 1.5B)",
                "2 valid event(s), 2 bad line(s) (see above); nothing published (--dry-run)");
    }

    @Test
    void theExampleEventsAreAllValid() {
        assertThat(Tip.run("publish", "--dry-run", "../../examples/events.jsonl")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("7 valid event(s); nothing published (--dry-run)");
    }
}
