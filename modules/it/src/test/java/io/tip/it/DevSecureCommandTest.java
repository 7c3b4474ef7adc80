package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;

/**
 * `tip dev --secure` as an operator runs it: it writes a credentials file per principal that other tip
 * commands use as is, prints where they are and never a password, and a restart on the same data keeps
 * every password (processes already using them keep working) while adding new analysts.
 */
class DevSecureCommandTest {
    private static final Duration START = Duration.ofMinutes(2);
    private static final Pattern PASSWORD = Pattern.compile("password=\"([^\"]+)\"");

    @Test
    void credentialsWorkAreNeverPrintedAndSurviveARestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("dev");
        Path credentials = data.resolve("credentials");
        String producer = credentials.resolve("producer.properties").toString();
        List<String> passwords = new ArrayList<>();

        // Given `tip dev --secure` with one analyst
        try (TipProcess dev = TipProcess.startAsShipped(dir.resolve("logs"), "dev-1", "dev", "--secure", "--analyst", "desk",
                "--data", data.toString(), "--kafka-port", "0", "--registry-port", "0")) {
            dev.awaitOutput("Ctrl-C to stop", START);

            // Then it names a file per principal, each readable by its owner only
            for (String principal : List.of("admin", "producer", "loader", "pipeline", "analyst-desk")) {
                Path file = credentials.resolve(principal + ".properties");
                assertThat(String.join("\n", dev.stdoutLines())).contains(principal).contains(file.toString());
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
                passwords.add(passwordIn(file));
            }
            // and the producer's file is all `tip publish` needs, while the loader's may not write events
            assertThat(Tip.run("publish", "--config", producer, Repo.exampleEvents().toString())).isZero();
            assertThat(Tip.run("publish", "--config", credentials.resolve("loader.properties").toString(),
                    Repo.exampleEvents().toString())).isNotZero();
            // and no password is in anything it printed
            String printed = String.join("\n", dev.stdoutLines()) + dev.stderr();
            passwords.forEach(password -> assertThat(printed).doesNotContain(password));
            dev.stop(); // SIGTERM: the shutdown hook closes the stack; the JVM exits with 143 as for any SIGTERM
        }

        // When it restarts on the same data with a second analyst
        try (TipProcess dev = TipProcess.startAsShipped(dir.resolve("logs"), "dev-2", "dev", "--secure", "--analyst", "desk",
                "--analyst", "desk-2", "--data", data.toString(), "--kafka-port", "0", "--registry-port", "0")) {
            dev.awaitOutput("Ctrl-C to stop", START);

            // Then every principal keeps its password, the new analyst has a file, and the producer's file still works
            List<String> after = new ArrayList<>();
            for (String principal : List.of("admin", "producer", "loader", "pipeline", "analyst-desk")) {
                after.add(passwordIn(credentials.resolve(principal + ".properties")));
            }
            assertThat(after).isEqualTo(passwords);
            assertThat(credentials.resolve("analyst-desk-2.properties")).exists();
            assertThat(Tip.run("publish", "--config", producer, Repo.exampleEvents().toString())).isZero();
            dev.stop(); // SIGTERM: the shutdown hook closes the stack; the JVM exits with 143 as for any SIGTERM
        }
    }

    private static String passwordIn(Path file) throws Exception {
        Matcher m = PASSWORD.matcher(Files.readString(file));
        assertThat(m.find()).as("a password in " + file).isTrue();
        return m.group(1);
    }
}
