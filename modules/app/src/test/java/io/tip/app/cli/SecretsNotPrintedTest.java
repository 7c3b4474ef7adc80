package io.tip.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.tip.app.Tip;
import picocli.CommandLine;

/**
 * No secret is ever printed: a failing `tip run` with basic.auth.user.info, sasl.jaas.config and a
 * registry URL carrying credentials is grepped, standard output, error and logs alike.
 */
class SecretsNotPrintedTest {
    private static final String[] SECRETS = {"urlsecret", "infosecret", "jaassecret"};

    @Test
    void aStartThatFailsOnItsSettingsPrintsNoSecret() throws Exception {
        // Given a registry URL whose scheme was forgotten, with credentials in it, and secrets in other settings
        Run run = tip("run", "--bootstrap-servers", "localhost:" + deadPort(),
                "--schema-registry-url", "alice:urlsecret@registry:8081",
                "-D", "basic.auth.credentials.source=USER_INFO", "-D", "basic.auth.user.info=alice:infosecret",
                "-D", "security.protocol=SASL_PLAINTEXT", "-D", "sasl.mechanism=PLAIN",
                "-D", "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"tip\" password=\"jaassecret\";");

        // Then it fails with one line naming the setting, and no secret anywhere in what it printed
        assertThat(run.exitCode).isNotZero();
        assertThat(run.output).contains("schema.registry.url").doesNotContain(SECRETS).doesNotContain("\tat ");
    }

    @Test
    void aStartThatFailsToReachKafkaPrintsNoSecret() throws Exception {
        // Given valid settings full of secrets, and no Kafka
        Run run = tip("run", "--bootstrap-servers", "localhost:" + deadPort(),
                "--schema-registry-url", "http://alice:urlsecret@localhost:" + deadPort(),
                "-D", "basic.auth.credentials.source=USER_INFO", "-D", "basic.auth.user.info=alice:infosecret",
                "-D", "security.protocol=SASL_PLAINTEXT", "-D", "sasl.mechanism=PLAIN",
                "-D", "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"tip\" password=\"jaassecret\";");

        // Then it fails, saying so, and no secret is in its output or its logs
        assertThat(run.exitCode).isNotZero();
        assertThat(run.output).contains("cannot reach Kafka").doesNotContain(SECRETS);
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs tip in this JVM with standard output, error (where the logs go) and picocli's writers captured. */
    private static Run tip(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter cli = new StringWriter();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        int code;
        try {
            CommandLine commandLine = Tip.commandLine();
            commandLine.setOut(new PrintWriter(cli, true));
            commandLine.setErr(new PrintWriter(cli, true));
            try {
                code = commandLine.execute(args);
            } catch (RuntimeException e) {
                e.printStackTrace(capture);
                code = -1;
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(code, cli + bytes.toString(StandardCharsets.UTF_8));
    }

    private static int deadPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
