package io.cambist.exchange.paper.internal.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/** The synthetic market: deterministic per seed, with sane OHLC on the tick grid. */
class SyntheticFeedTest {

    static final Instrument BTC_USDT = Instrument.of("BTC", "USDT");
    static final long START = 1_700_000_000_000L;

    private static MarketSource.Synthetic spec(long seed, long count) {
        return new MarketSource.Synthetic(BTC_USDT, Timeframe.M1, seed, new BigDecimal("30000"), new BigDecimal("0.5"),
                START, count);
    }

    private static List<Candle> take(CandleFeed feed, int n) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(feed.next());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameMarketAndAnotherSeedAnother() {
        BigDecimal tick = SyntheticFeed.defaultTick(new BigDecimal("30000"));
        List<Candle> a = take(new SyntheticFeed("paper", spec(7, 0), tick), 500);
        List<Candle> b = take(new SyntheticFeed("paper", spec(7, 0), tick), 500);
        List<Candle> c = take(new SyntheticFeed("paper", spec(8, 0), tick), 500);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a.get(0).open()).isEqualByComparingTo("30000");
    }

    @Test
    void theFirstCandlesOfSeed42AreFixedForever() {
        // Pins the generator: a change here changes every demo market and every test built on it.
        List<Candle> a = take(new SyntheticFeed("paper", spec(42, 0), new BigDecimal("0.01")), 3);
        assertThat(a).extracting(k -> k.close().toPlainString()).containsExactly("30062.27", "29900.28", "29583.78");
    }

    @Test
    void candlesAreSaneOnTheTickGridAndContiguous() {
        BigDecimal tick = new BigDecimal("0.01");
        CandleFeed feed = new SyntheticFeed("paper", spec(42, 20_000), tick);
        assertThat(feed.size()).isEqualTo(20_000);
        Candle prev = null;
        BigDecimal min = null;
        BigDecimal max = null;
        int n = 0;
        for (Candle k = feed.next(); k != null; k = feed.next()) {
            n++;
            assertThat(k.low()).isLessThanOrEqualTo(k.open().min(k.close()));
            assertThat(k.high()).isGreaterThanOrEqualTo(k.open().max(k.close()));
            assertThat(k.low().signum()).isPositive();
            assertThat(k.volume().signum()).isPositive();
            for (BigDecimal p : List.of(k.open(), k.high(), k.low(), k.close())) {
                assertThat(p.remainder(tick)).isEqualByComparingTo("0");
            }
            if (prev != null) {
                assertThat(k.openTime()).isEqualTo(prev.openTime() + 60_000);
                assertThat(k.open()).isEqualByComparingTo(prev.close());
            } else {
                assertThat(k.openTime()).isEqualTo(START);
            }
            min = min == null ? k.low() : min.min(k.low());
            max = max == null ? k.high() : max.max(k.high());
            prev = k;
        }
        assertThat(n).isEqualTo(20_000);
        // it moves, but stays a market around its start price
        assertThat(max.subtract(min)).isGreaterThan(new BigDecimal("1000"));
        assertThat(min).isGreaterThan(new BigDecimal("10000"));
        assertThat(max).isLessThan(new BigDecimal("90000"));
    }

    @Test
    void skippingGivesTheSameCandlesAsReading() {
        BigDecimal tick = new BigDecimal("0.01");
        List<Candle> all = take(new SyntheticFeed("paper", spec(3, 0), tick), 300);
        CandleFeed skipped = new SyntheticFeed("paper", spec(3, 0), tick);
        assertThat(skipped.skip(250)).isEqualTo(250);
        assertThat(skipped.next()).isEqualTo(all.get(250));
        assertThat(new SyntheticFeed("paper", spec(3, 0), tick).size()).isEqualTo(-1);
    }

    @Test
    void theDefaultTickKeepsSixSignificantDigits() {
        assertThat(SyntheticFeed.defaultTick(new BigDecimal("30000"))).isEqualByComparingTo("0.01");
        assertThat(SyntheticFeed.defaultTick(new BigDecimal("0.1"))).isEqualByComparingTo("0.0000001");
        assertThat(SyntheticFeed.defaultTick(new BigDecimal("2500.5"))).isEqualByComparingTo("0.001");
    }
}
