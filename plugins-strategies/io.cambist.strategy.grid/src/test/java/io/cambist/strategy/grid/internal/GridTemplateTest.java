package io.cambist.strategy.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.cambist.api.strategy.Parameters;

/** The grid template of the distribution is a valid, disabled grid configuration. */
class GridTemplateTest {

    static Map<String, String> template(String name) throws Exception {
        Path file = Path.of("").toAbsolutePath().resolve("../../distribution/src/main/dist/etc/templates").resolve(name)
                .normalize();
        assumeTrue(Files.isRegularFile(file), "template " + file + " not found: skipping");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return m;
    }

    @Test
    void theGridTemplateIsValidAndDisabled() throws Exception {
        Map<String, String> m = template("io.cambist.strategy.grid-btc.cfg");
        assertThat(m).containsEntry("enabled", "false").containsEntry("account", "paper").containsKey("instrument");
        GridSettings s = GridSettings.from(Parameters.of(m));
        assertThat(s.levels()).isEqualTo(21);
        assertThat(GridLevels.prices(s, new java.math.BigDecimal("0.01"))).hasSize(21);
    }
}
