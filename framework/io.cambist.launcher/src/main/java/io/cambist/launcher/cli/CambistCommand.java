package io.cambist.launcher.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.cambist.launcher.CambistException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code cambist} command. A new sub-command is one class (a picocli {@code @Command} implementing
 * {@code Callable<Integer>}) plus one entry in {@code subcommands} below.
 * <p>
 * Exit codes: 0 success, 1 the command failed (one line on stderr says why), 2 bad usage.
 */
@Command(name = "cambist",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Cambist: a trading framework made of OSGi bundles.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            RunCommand.class,
            BacktestCommand.class,
            ApiCommand.class,
            SignCommand.class,
            KeysCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class CambistCommand implements Runnable {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    /** One-line log format for java.util.logging before the log bridge takes over (the launcher's first messages). */
    static final String JUL_FORMAT = "%1$tH:%1$tM:%1$tS.%1$tL %4$-5s %3$s - %5$s%6$s%n";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Parses and runs one command line; returns the process exit code. */
    public static int execute(String... args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", JUL_FORMAT);
        }
        return commandLine().execute(args);
    }

    /** The command line with Cambist's error handling: one line on stderr, never a stack trace for a user error. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CambistCommand());
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String name = failed.getCommandSpec().qualifiedName(" ");
            failed.getErr().println("cambist: " + e.getMessage() + " (see '" + name + " --help')");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, failed, parseResult) -> {
            PrintWriter err = failed.getErr();
            if (e instanceof CambistException) {
                err.println("cambist: " + e.getMessage());
            } else {
                err.println("cambist: unexpected error: " + e + " (run with -Dcambist.debug=true for details)");
                if (Boolean.getBoolean("cambist.debug")) {
                    e.printStackTrace(err);
                }
            }
            Logger.getLogger(CambistCommand.class.getName()).log(Level.FINE, "command failed", e);
            return EXIT_FAILED;
        });
        return cli;
    }
}
