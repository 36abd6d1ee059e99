package io.cambist.benchmarks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaperTicksTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyCandleSendsOneOrderToTheVenueAndIsTimed(boolean fsync) {
        try (PaperTicks ticks = new PaperTicks(fsync)) {
            for (int i = 0; i < 200; i++) {
                assertThat(ticks.tick()).isPositive();
            }
            assertThat(ticks.placed()).isEqualTo(200);
            assertThat(ticks.tickToOrder().size()).isEqualTo(200);
            assertThat(ticks.toStrategy().size()).isEqualTo(200);
            assertThat(ticks.intents().size()).isEqualTo(200);
            // the part before the strategy and the journal append are inside the measured interval
            assertThat(ticks.toStrategy().quantile(0.5)).isLessThan(ticks.tickToOrder().quantile(0.5));
            assertThat(ticks.intents().quantile(0.5)).isLessThan(ticks.tickToOrder().quantile(0.5));
        }
    }

    @Test
    void samplesGivePercentilesByNearestRank() {
        Samples s = new Samples();
        for (int i = 100; i >= 1; i--) {
            s.add(i * 1000L);
        }
        assertThat(s.quantile(0.5)).isEqualTo(50_000);
        assertThat(s.quantile(0.99)).isEqualTo(99_000);
        assertThat(s.quantile(1.0)).isEqualTo(100_000);
        s.clear();
        assertThat(s.quantile(0.5)).isZero();
    }
}
