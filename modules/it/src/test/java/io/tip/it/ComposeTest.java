package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;

/**
 * docker-compose.yml as README tells a user to run it: {@code up -d}, the example vault loaded by the
 * tip-load service, the example events published from the host, the Groq challenge read from the
 * outside through tip's HTTP API, and {@code down -v} leaving nothing behind. Host ports are free
 * ones (TIP_KAFKA_PORT, TIP_REGISTRY_PORT, TIP_API_PORT), images those the environment selects.
 */
@ExtendWith(DockerContainers.class)
class ComposeTest {
    private static final Duration UP = Duration.ofMinutes(10);

    @Test
    void upServesTheGroqChallengeToTheOutsideAndDownLeavesNothing(@TempDir Path dir) throws Exception {
        int kafkaPort = freePort();
        int registryPort = freePort();
        int apiPort = freePort();
        Compose compose = new Compose("tipcompose" + ProcessHandle.current().pid(), dir, Map.of(
                "TIP_KAFKA_PORT", String.valueOf(kafkaPort), "TIP_REGISTRY_PORT", String.valueOf(registryPort),
                "TIP_API_PORT", String.valueOf(apiPort)));
        try {
            // When `docker-compose up -d` returns (tip and tip-load start once the broker and registry are healthy)
            assertThat(compose.run(UP, "up", "-d")).as(compose.lastOutput()).isZero();

            // Then tip-load has loaded the example vault and exited cleanly, and tip turns healthy
            await("tip-load to finish").atMost(UP).until(() -> compose.state("tip-load"), s -> s.startsWith("exited"));
            assertThat(compose.state("tip-load")).as("tip-load's state and exit code").isEqualTo("exited 0");
            await("tip to be healthy").atMost(UP).until(() -> compose.health("tip"), "healthy"::equals);

            // When the example events are published from the host, through the published ports
            assertThat(Tip.run("publish", Repo.exampleEvents().toString(), "--bootstrap-servers", "localhost:" + kafkaPort,
                    "--schema-registry-url", "http://localhost:" + registryPort)).isZero();

            // Then tip's HTTP API, from outside the containers, shows Groq challenging convergence
            TipHttp http = new TipHttp(apiPort);
            await("the Groq challenge on GET /api/theses/" + HeadlineScenario.CONVERGENCE + "/impacts").atMost(Duration.ofMinutes(3))
                    .untilAsserted(() -> {
                        TipHttp.Response r = http.get("/api/theses/" + HeadlineScenario.CONVERGENCE + "/impacts");
                        assertThat(r.status()).as(r.body()).isEqualTo(200);
                        List<String> challenges = new ArrayList<>();
                        r.json().forEach(i -> challenges.add(i.get("eventId").asText() + " " + i.get("stance").asText()));
                        assertThat(challenges).contains(HeadlineScenario.GROQ_EVENT + " CHALLENGES");
                    });
        } finally {
            compose.run(Duration.ofMinutes(1), "logs", "--no-color");
            Files.writeString(Path.of("target", "container-logs", "compose.log"), compose.lastOutput());
            // `down -v` removes the containers, the network and the tip-state volume
            assertThat(compose.run(Duration.ofMinutes(3), "down", "-v")).as(compose.lastOutput()).isZero();
            assertThat(compose.docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + compose.project)).isBlank();
            assertThat(compose.docker("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + compose.project)).isBlank();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** `docker-compose -p PROJECT -f docker-compose.yml ...` from the repository root, as a user types it. */
    private static final class Compose {
        /** docker-compose 1.29 (the Debian package) where it is installed, else the compose v2 plugin. */
        private static final List<String> COMPOSE = onPath("docker-compose") ? List.of("docker-compose") : List.of("docker", "compose");
        final String project;
        private final Path dir;
        private final Map<String, String> env;
        private String lastOutput = "";

        Compose(String project, Path dir, Map<String, String> env) {
            this.project = project;
            this.dir = dir;
            this.env = env;
        }

        int run(Duration timeout, String... args) {
            List<String> command = new ArrayList<>(COMPOSE);
            command.addAll(List.of("-p", project, "-f", Repo.root().resolve("docker-compose.yml").toString()));
            command.addAll(List.of(args));
            return exec(timeout, command);
        }

        /** "running", "exited 0", ... of the service's container ("" before it exists). */
        String state(String service) {
            String id = containerId(service);
            return id.isEmpty() ? "" : docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", id);
        }

        /** The health of the service's container as its health check reports it. */
        String health(String service) {
            String id = containerId(service);
            return id.isEmpty() ? "" : docker("inspect", "-f", "{{if .State.Health}}{{.State.Health.Status}}{{end}}", id);
        }

        private String containerId(String service) {
            run(Duration.ofMinutes(1), "ps", "-q", service);
            return lastOutput.strip();
        }

        String docker(String... args) {
            List<String> command = new ArrayList<>(List.of("docker"));
            command.addAll(List.of(args));
            exec(Duration.ofMinutes(1), command);
            return lastOutput.strip();
        }

        private static boolean onPath(String program) {
            return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
        }

        String lastOutput() {
            return lastOutput;
        }

        private int exec(Duration timeout, List<String> command) {
            try {
                Path out = Files.createTempFile(dir, "compose", ".out");
                ProcessBuilder builder = new ProcessBuilder(command).directory(Repo.root().toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(out));
                }
                lastOutput = Files.readString(out);
                return process.exitValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
