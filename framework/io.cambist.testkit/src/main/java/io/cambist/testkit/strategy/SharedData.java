package io.cambist.testkit.strategy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared market data ({@code ../shared/data}), located through the system property
 * {@code cambist.shared.data} that the build sets for every test. A test that needs it is skipped, with a message
 * saying so, where it is absent; the files are never copied into the project.
 */
public final class SharedData {

    /** The system property naming the shared data directory. */
    public static final String PROPERTY = "cambist.shared.data";

    private SharedData() {
    }

    /** A file of {@code <shared data>/candles}, e.g. {@code ETH_BTC-5m.json}; skips the calling test when absent. */
    public static Path candleFile(String name) {
        String dir = System.getProperty(PROPERTY);
        Path file = dir == null || dir.isBlank() ? null : Path.of(dir, "candles", name);
        assumeTrue(file != null && Files.isRegularFile(file), "shared market data " + name + " not found ("
                + PROPERTY + "=" + dir + "): skipping the real-candle test");
        return file;
    }
}
