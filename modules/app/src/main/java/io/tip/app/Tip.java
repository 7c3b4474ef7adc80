package io.tip.app;

import io.tip.app.cli.AclsCommand;
import io.tip.app.cli.BacktestCommand;
import io.tip.app.cli.DemoCommand;
import io.tip.app.cli.DevCommand;
import io.tip.app.cli.LintCommand;
import io.tip.app.cli.LoadCommand;
import io.tip.app.cli.PublishCommand;
import io.tip.app.cli.ReferenceCommand;
import io.tip.app.cli.RegistryCommand;
import io.tip.app.cli.RunCommand;
import io.tip.app.cli.StateCommand;
import io.tip.app.cli.SubscribeCommand;
import io.tip.app.cli.AlertCommand;
import io.tip.app.cli.DigestCommand;
import io.tip.app.cli.TestCommand;
import io.tip.app.cli.UserError;
import io.tip.app.cli.WatchCommand;
import io.tip.model.ModelClasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.tip.registry.client.RedactedUrl;

import org.apache.kafka.common.config.ConfigException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tip}: the thesis impact pipeline's one command line. */
@Command(name = "tip", mixinStandardHelpOptions = true, version = "tip 0.1.0",
        description = "Thesis impact pipeline: market events in, thesis impacts out, on Apache Kafka.",
        subcommands = {DemoCommand.class, DevCommand.class, RunCommand.class, LoadCommand.class, LintCommand.class,
                TestCommand.class, BacktestCommand.class, PublishCommand.class, WatchCommand.class, StateCommand.class,
                SubscribeCommand.class, AlertCommand.class, DigestCommand.class, RegistryCommand.class, AclsCommand.class, ReferenceCommand.class},
        footer = {"", "First time here? Run `tip demo`. Each command has --help with examples.",
                "`tip bench` (the launcher runs the benchmark harness, a separate jar) measures throughput and latency."})
public final class Tip {
    private static final Logger log = LoggerFactory.getLogger(Tip.class);

    static {
        ModelClasses.trust();
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The command line with tip's error handling: every failure is one line on stderr and an exit
     * code (a {@link UserError}'s own, else 1), never a stack trace; usage errors exit 2.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Tip());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError user) {
                commandLine.getErr().println("tip: " + user.getMessage());
                return user.exitCode();
            }
            if (e instanceof ConfigException config) {
                commandLine.getErr().println("tip: " + RedactedUrl.inText(config.getMessage()));
                return 2;
            }
            log.debug("tip {} failed", commandLine.getCommandName(), e);
            commandLine.getErr().println("tip " + commandLine.getCommandName() + ": " + oneLine(e)
                    + " (TIP_LOG_LEVEL=DEBUG prints the stack trace)");
            return 1;
        });
        return cli;
    }

    /** The exception and its causes' messages on one line. */
    static String oneLine(Throwable e) {
        StringBuilder line = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !line.toString().contains(cause.getMessage())) {
                line.append(": ").append(cause.getMessage());
            }
        }
        return line.toString().replace('\n', ' ');
    }
}
