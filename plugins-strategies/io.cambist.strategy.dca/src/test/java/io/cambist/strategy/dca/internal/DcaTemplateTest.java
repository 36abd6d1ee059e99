package io.cambist.strategy.dca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.cambist.api.strategy.Parameters;

/** The DCA templates of the distribution are valid, disabled configurations that say what they do. */
class DcaTemplateTest {

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
    void theRecurringTemplateBuysEveryHour() throws Exception {
        Map<String, String> m = template("io.cambist.strategy.dca-recurring.cfg");
        assertThat(m).containsEntry("enabled", "false");
        DcaSettings s = DcaSettings.from(Parameters.of(m));
        assertThat(s.mode()).isEqualTo(Mode.RECURRING);
        assertThat(s.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(s.ignored()).isEmpty();
    }

    @Test
    void theSafetyTemplateNeedsWhatItsCommentSays() throws Exception {
        Map<String, String> m = template("io.cambist.strategy.dca-safety.cfg");
        assertThat(m).containsEntry("enabled", "false");
        DcaSettings s = DcaSettings.from(Parameters.of(m));
        assertThat(s.mode()).isEqualTo(Mode.SAFETY);
        BigDecimal total = s.baseOrderQuote();
        for (int k = 1; k <= s.maxSafetyOrders(); k++) {
            total = total.add(SafetyPlan.quote(s, k));
        }
        assertThat(total).isEqualByComparingTo("912.5");
        assertThat(SafetyPlan.deviation(s, 4)).isEqualByComparingTo("8.125");
        assertThat(s.ignored()).isEmpty();
    }
}
