package io.cambist.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's help renders (picocli formats descriptions with String.format: a lone % would break it). */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = { "backtest", "api", "sign", "keys", "keys list", "keys create", "keys rotate", "keys revoke",
        "keys verify" })
    void helpRendersWithoutPicocliWarnings(String command) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        CommandRunner r;
        try {
            String[] words = (command + " --help").split(" ");
            r = CommandRunner.run(words);
        } finally {
            System.setErr(original);
        }
        assertThat(r.exitCode).isZero();
        assertThat(r.out()).startsWith("Usage: cambist " + command).contains("--help").doesNotContain("%n", "%%");
        if (!command.contains(" ")) {
            assertThat(r.out()).contains("Exit codes");
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @Test
    void theTopLevelHelpListsEveryCommand() {
        CommandRunner r = CommandRunner.run("--help");
        assertThat(r.out()).contains("run", "backtest", "api", "sign", "keys");
    }
}
