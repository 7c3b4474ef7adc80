package io.tip.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.utility.DockerImageName;

/**
 * The switch and the images of the container tests. They run under {@code CI=true} (where a missing
 * Docker engine fails them) or with {@code -Dit.containers=true}, and skip otherwise with one message.
 * Images come from the same variables as docker-compose.yml, with the same defaults, read from it:
 * the official images, or the local ones {@code eval "$(containers/build-images)"} selects.
 */
final class DockerContainers implements ExecutionCondition, BeforeAllCallback {
    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (CI || Boolean.getBoolean("it.containers")) {
            return ConditionEvaluationResult.enabled("container tests on (CI=true or -Dit.containers=true)");
        }
        return ConditionEvaluationResult.disabled("container tests skipped: they run under CI=true or with -Dit.containers=true, "
                + "on a Docker engine (see DEVELOPERS.md, \"Containers\")");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new AssertionError("container tests are on but no Docker engine answers: start one (.ci/run starts "
                    + "`dockerd --storage-driver=vfs` when none runs) or leave CI and -Dit.containers unset to skip them");
        }
    }

    /** A broker configured like apache/kafka: TIP_KAFKA_IMAGE, else the compose file's default. */
    static DockerImageName kafka() {
        return image("TIP_KAFKA_IMAGE").asCompatibleSubstituteFor("apache/kafka");
    }

    /** A schema registry configured like confluentinc/cp-schema-registry: TIP_REGISTRY_IMAGE, else the default. */
    static DockerImageName registry() {
        return image("TIP_REGISTRY_IMAGE");
    }

    /** tip's image: TIP_IMAGE, else the default (what `jib:dockerBuild` builds). */
    static DockerImageName tip() {
        return image("TIP_IMAGE");
    }

    private static DockerImageName image(String variable) {
        String chosen = System.getenv(variable);
        return DockerImageName.parse(chosen != null && !chosen.isBlank() ? chosen : composeDefault(variable));
    }

    private static String composeDefault(String variable) {
        try {
            String compose = Files.readString(Repo.root().resolve("docker-compose.yml"));
            Matcher m = Pattern.compile("\\$\\{" + variable + ":-([^}]+)}").matcher(compose);
            if (!m.find()) {
                throw new IllegalStateException("docker-compose.yml has no default for " + variable);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends a container's output to {@code target/container-logs/NAME.log}, to read after a failure. */
    static Consumer<OutputFrame> logTo(String name) {
        Path file = Path.of("target", "container-logs", name + ".log");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frame -> {
            try {
                Files.writeString(file, frame.getUtf8String(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
