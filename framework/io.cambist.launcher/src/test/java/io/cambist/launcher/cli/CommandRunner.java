package io.cambist.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;

import picocli.CommandLine;

/** Runs one {@code cambist} command line in-process and keeps what it printed. */
final class CommandRunner {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    int exitCode;

    static CommandRunner run(String... args) {
        return run(cli -> {
        }, args);
    }

    /** Runs after {@code setup} has seen the command line (to reach a sub-command's object). */
    static CommandRunner run(Consumer<CommandLine> setup, String... args) {
        CommandRunner r = new CommandRunner();
        CommandLine cli = CambistCommand.commandLine();
        cli.setOut(new PrintWriter(r.out, true));
        cli.setErr(new PrintWriter(r.err, true));
        setup.accept(cli);
        r.exitCode = cli.execute(args);
        return r;
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    String[] errLines() {
        return err.toString().lines().toArray(String[]::new);
    }
}
