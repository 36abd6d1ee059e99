package io.cambist.strategy.signal.internal;

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

/** The signal template of the distribution is a valid, disabled configuration holding no secret. */
class SignalTemplateTest {

    @Test
    void theTradingViewTemplateIsValidDisabledAndNamesAKeyAliasOnly() throws Exception {
        Path file = Path.of("").toAbsolutePath()
                .resolve("../../distribution/src/main/dist/etc/templates/io.cambist.strategy.signal-tradingview.cfg")
                .normalize();
        assumeTrue(Files.isRegularFile(file), "template " + file + " not found: skipping");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        assertThat(m).containsEntry("enabled", "false").doesNotContainKey("secret");
        SignalSettings s = SignalSettings.from(Parameters.of(m));
        assertThat(s.auth()).isEqualTo(AuthMode.SECRET);
        assertThat(s.webhookKey()).isEqualTo("tradingview");
        assertThat(s.windowSeconds()).isEqualTo(300);
        // the commented allow-list is valid too
        assertThat(Cidr.parse("52.89.214.238").matches("52.89.214.238")).isTrue();
    }
}
