package io.cambist.exchange.kraken.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cambist.exchange.kraken.internal.dto.KrakenOhlc;

/** Closing Kraken's open-ended ohlc stream into completed candles, with catch-up after a reconnect. */
class CandleCloserTest {

    private final CandleCloser closer = new CandleCloser();

    private static KrakenOhlc candle(int minute, String close) {
        return new KrakenOhlc("ETH/BTC", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, new BigDecimal(close), 1L,
                BigDecimal.ONE, BigDecimal.ONE, String.format("2023-10-04T16:%02d:00.000000000Z", minute), 1, null);
    }

    @Test
    void aCandleClosesWhenTheNextIntervalStarts() {
        assertThat(closer.snapshot("k", List.of(candle(1, "1"), candle(2, "2"))).closed()).as("history is not replayed")
                .isEmpty();
        assertThat(closer.update("k", candle(2, "2.5")).closed()).isEmpty();
        List<KrakenOhlc> closed = closer.update("k", candle(3, "3")).closed();
        assertThat(closed).singleElement().satisfies(c -> {
            assertThat(c.intervalBegin()).startsWith("2023-10-04T16:02");
            assertThat(c.close()).as("its last update").isEqualByComparingTo("2.5");
        });
        assertThat(closer.update("k", candle(2, "9")).stale()).as("an update for a closed interval").isTrue();
    }

    @Test
    void afterAReconnectTheMissedCandlesAreClosedOnce() {
        closer.snapshot("k", List.of(candle(1, "1")));
        assertThat(closer.update("k", candle(2, "2")).closed()).hasSize(1);
        List<KrakenOhlc> missed = closer.snapshot("k", List.of(candle(1, "1"), candle(2, "2"), candle(3, "3"),
                candle(4, "4"), candle(5, "5"))).closed();
        assertThat(missed).as("the candle open at the outage and the two after it").extracting(KrakenOhlc::close)
                .containsExactly(new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("4"));
        assertThat(closer.snapshot("k", List.of(candle(4, "4"), candle(5, "5"))).closed()).isEmpty();
        assertThat(closer.update("k", candle(6, "6")).closed()).extracting(KrakenOhlc::close)
                .containsExactly(new BigDecimal("5"));
    }
}
