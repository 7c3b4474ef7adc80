package io.tip.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.tip.app.cli.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Exit codes of the command line itself: usage errors 2, user errors their own code, anything else 1 — one line each. */
class TipCommandLineTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UncheckedIOException("cannot write the report", new IOException("No space left on device"));
        }
    }

    @Command(name = "refuse")
    static final class Refuse implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UserError("the vault has errors (above)", 3);
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Tip.commandLine().addSubcommand(new Boom()).addSubcommand(new Refuse());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nonsense | Unmatched argument at index 0: 'nonsense'",
            "publish | Missing required parameter: 'FILE'",
            "state --no-such-flag | Unknown option: '--no-such-flag'",
            "run --http-port eighty | Invalid value for option '--http-port': 'eighty' is not an int"})
    void aUsageErrorExits2AndSaysWhatIsWrong(String args, String message) {
        assertThat(run(args.split(" "))).isEqualTo(2);
        assertThat(err.toString()).startsWith(message);
    }

    @Test
    void anUnexpectedFailureExits1WithOneLineAndNoStackTrace() {
        assertThat(run("boom")).isEqualTo(1);

        assertThat(err.toString()).isEqualTo("tip boom: cannot write the report: No space left on device"
                + " (TIP_LOG_LEVEL=DEBUG prints the stack trace)" + System.lineSeparator());
    }

    @Test
    void aUserErrorExitsWithItsCodeAndMessage() {
        assertThat(run("refuse")).isEqualTo(3);

        assertThat(err.toString()).isEqualTo("tip: the vault has errors (above)" + System.lineSeparator());
    }

    @Test
    void helpAndVersionExit0() {
        assertThat(run("--help")).isZero();
        assertThat(run("--version")).isZero();
        assertThat(run("publish", "--help")).isZero();
        assertThat(err.toString()).isEmpty();
    }
}
