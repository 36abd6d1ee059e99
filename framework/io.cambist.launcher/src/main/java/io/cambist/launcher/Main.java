package io.cambist.launcher;

import io.cambist.launcher.cli.CambistCommand;

/** Entry point of the {@code cambist} command; see {@link CambistCommand} for the sub-commands. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CambistCommand.execute(args));
    }
}
