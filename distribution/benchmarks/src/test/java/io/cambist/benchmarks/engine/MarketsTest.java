package io.cambist.benchmarks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.Candle;

class MarketsTest {

    @Test
    void cyclingRepeatsThePricesWithRisingTimes() {
        assumeTrue(Markets.sharedData() != null, "../shared/data is absent: the real candles cannot be read");
        List<Candle> real = Markets.shared("ETH_BTC-5m.json", Markets.ETH_BTC);
        List<Candle> cycled = Markets.cycle(real, real.size() * 3 + 7);
        assertThat(cycled).hasSize(real.size() * 3 + 7);
        for (int i = 1; i < cycled.size(); i++) {
            assertThat(cycled.get(i).openTime() - cycled.get(i - 1).openTime()).isPositive();
        }
        Candle again = cycled.get(real.size() * 2 + 5);
        Candle original = real.get(5);
        assertThat(again.close()).isSameAs(original.close());
        assertThat(again.openTime()).isGreaterThan(real.get(real.size() - 1).openTime());
        // a seam is one candle wide, like every other step
        assertThat(cycled.get(real.size()).openTime() - cycled.get(real.size() - 1).openTime())
                .isEqualTo(original.timeframe().millis());
    }

    @Test
    void theSyntheticListIsTheSyntheticMarket() {
        List<Candle> a = Markets.syntheticCandles(1000);
        List<Candle> b = Markets.syntheticCandles(1000);
        assertThat(a).hasSize(1000).isEqualTo(b);
        assertThat(a.get(0).open()).isEqualByComparingTo("30000");
    }
}
