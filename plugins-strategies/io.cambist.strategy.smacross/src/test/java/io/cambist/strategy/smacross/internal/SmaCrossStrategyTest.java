package io.cambist.strategy.smacross.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.Num;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.Side;
import io.cambist.api.model.Timeframe;
import io.cambist.api.strategy.StrategySnapshot;

/** The strategy's exact semantics, checked against ta4j on real candles. */
class SmaCrossStrategyTest {

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    static final BigDecimal FEE = new BigDecimal("0.001");

    private static FakeContext context(Map<String, String> parameters, StrategySnapshot saved) {
        FakeContext c = new FakeContext(ETH_BTC, parameters, saved);
        c.balances.put("BTC", BigDecimal.ONE);
        return c;
    }

    private static SmaCrossStrategy started(FakeContext c) {
        SmaCrossStrategy s = new SmaCrossStrategy();
        s.onStart(c);
        return s;
    }

    @Test
    void periodsAreValidatedWithAMessageThatSaysWhatToFix() {
        assertThatThrownBy(() -> started(context(Map.of("fast", "30", "slow", "20"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fast period 30 must be below slow period 20");
        assertThatThrownBy(() -> started(context(Map.of("fast", "20", "slow", "20"), null)))
                .hasMessage("fast period 20 must be below slow period 20");
        assertThatThrownBy(() -> started(context(Map.of("fast", "0"), null)))
                .hasMessage("fast period 0 must be 1 or more candles");
        assertThatThrownBy(() -> started(context(Map.of("slow", "ten"), null)))
                .hasMessage("parameter 'slow' must be a whole number, not 'ten'");
        assertThatThrownBy(() -> started(context(Map.of("slow", "1000000"), null)))
                .hasMessage("slow period 1000000 must be at most 100000 candles");
    }

    @Test
    void itSubscribesToTheNativeCandlesOfItsInstrument() {
        FakeContext c = context(Map.of(), null);
        started(c);
        assertThat(c.subscriptions).singleElement().satisfies(s -> {
            assertThat(s.instrument()).isEqualTo(ETH_BTC);
            assertThat(s.kind()).isEqualTo(MarketDataKind.CANDLE);
            assertThat(s.timeframe()).isNull();
        });
    }

    @Test
    void itBuysWithTheWholeQuoteBalanceAndSellsTheWholePositionOnlyWhenFlatOrLong() {
        FakeContext c = context(Map.of("fast", "1", "slow", "2"), null);
        SmaCrossStrategy s = started(c);
        Replay replay = new Replay(c, FEE);
        // crosses: up at 2, down at 3, up at 5, down at 7; the extra down at 9 comes while flat
        List<Candle> candles = Candles.ofCloses(ETH_BTC, "1", "1", "2", "1", "1", "3", "3", "2", "2", "1", "1");
        replay.run(s, candles, 0, candles.size());
        assertThat(replay.trades).extracting(Replay.Trade::signal, Replay.Trade::side).containsExactly(
                tuple(2, Side.BUY), tuple(3, Side.SELL),
                tuple(5, Side.BUY), tuple(7, Side.SELL));
        assertThat(replay.trades.get(0).quoteQuantity()).isEqualByComparingTo("1");
        assertThat(replay.trades.get(0).quantity()).isNull();
        // bought at the open of candle 3 (1): 1 / (1 x 1.001) ETH, all of it sold again
        assertThat(replay.trades.get(1).quantity()).isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("1.001"), 18,
                RoundingMode.DOWN));
        // the second buy spends everything the sale at the open of candle 4 (1) brought back: that quantity x 0.999
        BigDecimal firstQuantity = BigDecimal.ONE.divide(new BigDecimal("1.001"), 18, RoundingMode.DOWN);
        assertThat(replay.trades.get(2).quoteQuantity()).isEqualByComparingTo(firstQuantity.multiply(new BigDecimal("0.999")));
        assertThat(c.held).isZero();
        assertThat(c.submitted).extracting(r -> r.tag()).containsExactly("smacross:cross-up", "smacross:cross-down",
                "smacross:cross-up", "smacross:cross-down");
    }

    @Test
    void noSecondBuyWhileAnOrderIsStillOpen() {
        FakeContext c = context(Map.of("fast", "1", "slow", "2"), null);
        SmaCrossStrategy s = started(c);
        for (Candle k : Candles.ofCloses(ETH_BTC, "1", "1", "2", "1", "2")) {
            s.onCandle(k); // never filled: the buy at the first cross stays open
        }
        assertThat(c.submitted).hasSize(1);
    }

    @Test
    void averagesAndTradesMatchTa4jOnRealEthBtcCandles() throws IOException {
        List<Candle> candles = Candles.shared("ETH_BTC-5m.json", ETH_BTC, Timeframe.M5);
        assertThat(candles).hasSize(5760);
        List<Integer> expected = oracle(candles, 10, 30);

        FakeContext c = context(Map.of(), null);
        SmaCrossStrategy s = started(c);
        Replay replay = new Replay(c, FEE);
        replay.run(s, candles, 0, candles.size());

        assertThat(replay.trades).extracting(Replay.Trade::signal).isEqualTo(expected);
        assertThat(replay.trades).hasSize(276);
        assertThat(replay.trades.subList(0, 4)).extracting(Replay.Trade::signal, Replay.Trade::side).containsExactly(
                tuple(50, Side.BUY), tuple(59, Side.SELL),
                tuple(81, Side.BUY), tuple(123, Side.SELL));
        assertThat(candles.get(50).openTime()).isEqualTo(1515575100000L);
        assertThat(replay.trades.get(275).side()).isEqualTo(Side.SELL);
        assertThat(replay.trades.get(275).signal()).isEqualTo(5724);
        for (int i = 0; i < replay.trades.size(); i++) {
            assertThat(replay.trades.get(i).side()).isEqualTo(i % 2 == 0 ? Side.BUY : Side.SELL);
        }
    }

    @Test
    void theSmaValuesEqualTa4jAtEveryCandle() throws IOException {
        List<Candle> candles = Candles.shared("ETH_BTC-5m.json", ETH_BTC, Timeframe.M5);
        BarSeries series = series(candles);
        SMAIndicator fast = new SMAIndicator(new ClosePriceIndicator(series), 10);
        SMAIndicator slow = new SMAIndicator(new ClosePriceIndicator(series), 30);
        MovingAverageCross cross = new MovingAverageCross(10, 30);
        MathContext mc = new MathContext(30);
        for (int i = 0; i < candles.size(); i++) {
            cross.add(candles.get(i).close());
            if (i >= 29) {
                BigDecimal f = cross.sum(10).divide(BigDecimal.TEN, mc);
                BigDecimal sl = cross.sum(30).divide(BigDecimal.valueOf(30), mc);
                assertThat(f.subtract(value(fast.getValue(i))).abs()).as("fast SMA at %d", i).isLessThan(new BigDecimal("1e-25"));
                assertThat(sl.subtract(value(slow.getValue(i))).abs()).as("slow SMA at %d", i).isLessThan(new BigDecimal("1e-25"));
            }
        }
    }

    @Test
    void aHotSwapInTheMiddleContinuesExactlyLikeAnUninterruptedRun() throws IOException {
        List<Candle> candles = Candles.shared("UNITTEST_BTC-1m.json", Instrument.of("UNITTEST", "BTC"), Timeframe.M1);
        FakeContext whole = new FakeContext(Instrument.of("UNITTEST", "BTC"), Map.of("fast", "7", "slow", "25"), null);
        whole.balances.put("BTC", BigDecimal.ONE);
        Replay uninterrupted = new Replay(whole, FEE);
        uninterrupted.run(started(whole), candles, 0, candles.size());

        FakeContext first = new FakeContext(Instrument.of("UNITTEST", "BTC"), Map.of("fast", "7", "slow", "25"), null);
        first.balances.put("BTC", BigDecimal.ONE);
        Replay swapped = new Replay(first, FEE);
        SmaCrossStrategy old = started(first);
        swapped.run(old, candles, 0, 6000);
        StrategySnapshot snapshot = old.snapshot();
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.get("closes").split(",")).hasSize(25);

        // the new code gets the same account (the core owns orders, positions and balances) and the saved state
        FakeContext second = new FakeContext(Instrument.of("UNITTEST", "BTC"), Map.of("fast", "7", "slow", "25"), snapshot);
        second.balances.putAll(first.balances);
        second.held = first.held;
        second.open.addAll(first.open);
        swapped.context = second;
        swapped.run(started(second), candles, 6000, candles.size());

        assertThat(uninterrupted.trades).hasSizeGreaterThan(100);
        assertThat(swapped.trades).isEqualTo(uninterrupted.trades);
        assertThat(second.balances).isEqualTo(whole.balances);
        assertThat(second.held).isEqualByComparingTo(whole.held);
    }

    @Test
    void aSnapshotFromAnotherVersionIsIgnoredAndAnEmptyOneIsFine() {
        FakeContext c = context(Map.of(), new StrategySnapshot(99, Map.of("closes", "x")));
        SmaCrossStrategy s = started(c);
        assertThat(s.snapshot().get("closes")).isEmpty();
        FakeContext empty = context(Map.of(), StrategySnapshot.EMPTY);
        assertThat(started(empty).snapshot().get("closes")).isEmpty();
        assertThat(new SmaCrossStrategy().snapshot()).isEqualTo(StrategySnapshot.EMPTY);
    }

    /** Signal candles computed from ta4j's SMAs: crosses, then the flat/long rule. */
    private static List<Integer> oracle(List<Candle> candles, int fastPeriod, int slowPeriod) {
        BarSeries series = series(candles);
        SMAIndicator fast = new SMAIndicator(new ClosePriceIndicator(series), fastPeriod);
        SMAIndicator slow = new SMAIndicator(new ClosePriceIndicator(series), slowPeriod);
        List<Integer> out = new ArrayList<>();
        boolean long_ = false;
        for (int i = slowPeriod; i < candles.size(); i++) {
            int before = fast.getValue(i - 1).compareTo(slow.getValue(i - 1));
            int now = fast.getValue(i).compareTo(slow.getValue(i));
            if (!long_ && before <= 0 && now > 0) {
                out.add(i);
                long_ = true;
            } else if (long_ && before >= 0 && now < 0) {
                out.add(i);
                long_ = false;
            }
        }
        return out;
    }

    private static BarSeries series(List<Candle> candles) {
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).build();
        Duration width = Duration.ofMillis(candles.get(0).timeframe().millis());
        for (Candle k : candles) {
            series.addBar(width, Instant.ofEpochMilli(k.time()).atZone(ZoneOffset.UTC), DecimalNum.valueOf(k.open()),
                    DecimalNum.valueOf(k.high()), DecimalNum.valueOf(k.low()), DecimalNum.valueOf(k.close()),
                    DecimalNum.valueOf(k.volume()));
        }
        return series;
    }

    private static BigDecimal value(Num n) {
        return ((DecimalNum) n).getDelegate();
    }
}
