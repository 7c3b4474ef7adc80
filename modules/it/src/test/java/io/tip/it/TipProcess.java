package io.tip.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code tip} command running as its own JVM, as an operator starts it. Its stdout and stderr go
 * to files under the test's log directory (kept for a failed test to be read), and it can be
 * stopped the way operators and crashes stop processes: SIGTERM or SIGKILL.
 */
final class TipProcess implements AutoCloseable {
    private static final Pattern HTTP_PORT = Pattern.compile("HTTP API on http://localhost:(\\d+)");

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private TipProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code tip args...}; {@code name} names its log files in {@code logDir}. */
    static TipProcess start(Path logDir, String name, String... args) {
        return start(logDir, name, childLogConfig(), args);
    }

    /** Starts {@code tip args...} logging exactly as the shipped jar does, for tests of what a user sees on stderr. */
    static TipProcess startAsShipped(Path logDir, String name, String... args) {
        Path shipped = logDir.resolve("log4j2-shipped.xml");
        try (var in = io.tip.app.Tip.class.getResourceAsStream("/log4j2.xml")) {
            Files.createDirectories(logDir);
            Files.write(shipped, in.readAllBytes()); // from the app jar, where a file path cannot point
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(logDir, name, shipped.toString(), args);
    }

    private static TipProcess start(Path logDir, String name, String logConfig, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + logConfig,
                "-cp", System.getProperty("java.class.path"), "io.tip.app.Tip"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(name + ".out");
            Path err = logDir.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Repo.root().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("TIP_"));
            return new TipProcess(name, builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start tip " + String.join(" ", args), e);
        }
    }

    /** Runs a command to its end and returns it, with its exit code and output. */
    static TipProcess runToEnd(Path logDir, String name, Duration timeout, String... args) {
        TipProcess tip = start(logDir, name, args);
        tip.awaitExit(timeout);
        return tip;
    }

    private static String childLogConfig() {
        return resource("/log4j2-child.xml");
    }

    private static String resource(String name) {
        try {
            return Path.of(TipProcess.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    List<String> stdoutLines() {
        return lines(stdout);
    }

    List<String> stderrLines() {
        return lines(stderr);
    }

    String stderr() {
        return String.join("\n", lines(stderr));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a line of stdout or stderr matching {@code regex}; returns the match. */
    Matcher awaitOutput(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        return await(name + " to print /" + regex + "/").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive() && find(pattern).isEmpty()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + " before printing /" + regex
                                + "/; stderr:\n" + tail(stderr()));
                    }
                    return find(pattern);
                }, Optional::isPresent).get();
    }

    private Optional<Matcher> find(Pattern pattern) {
        for (Path file : List.of(stdout, stderr)) {
            for (String line : lines(file)) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    /** For {@code tip run}: waits until the pipeline runs and returns the port of its HTTP API. */
    int awaitRunning(Duration timeout) {
        int port = Integer.parseInt(awaitOutput(HTTP_PORT.pattern(), timeout).group(1));
        awaitOutput("tip run: pipeline running", timeout);
        return port;
    }

    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not exit within " + timeout + "; stderr:\n" + tail(stderr()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no commit, no transaction closed — a crash. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: the graceful stop an operator or an orchestrator asks for; returns the exit code. */
    int stop() {
        process.destroy();
        return awaitExit(Duration.ofSeconds(60));
    }

    static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
