package io.cambist.core.internal.backtest;

import static io.cambist.core.internal.testing.Fixtures.ETH_BTC;
import static io.cambist.core.internal.testing.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.backtest.BacktestTrade;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Side;
import io.cambist.api.model.Timeframe;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.SignalAction;
import io.cambist.core.internal.testing.CandleData;
import io.cambist.core.internal.testing.RecordingStrategy;
import io.cambist.core.internal.testing.TestSmaCross;
import io.cambist.core.internal.testing.TestVenue;

class BacktesterTest {

    private static final MathContext DOWN = new MathContext(16, RoundingMode.DOWN);
    private static final BigDecimal FEE = d("0.001");

    private static List<Candle> ethBtc() {
        return CandleData.shared("ETH_BTC-5m.json", ETH_BTC, Timeframe.M5);
    }

    private static BacktestRequest request(List<Candle> candles, Map<String, String> params, List<Signal> signals) {
        return new BacktestRequest("smacross", new MarketSource.Candles(ETH_BTC, candles), params,
                Map.of("BTC", BigDecimal.ONE), FEE, FEE, signals);
    }

    private static BacktestReport smaCross(List<Candle> candles, Map<String, String> params) {
        TestVenue venue = new TestVenue("backtest", ETH_BTC, candles, Map.of("BTC", BigDecimal.ONE), FEE, FEE);
        return Backtester.run(venue, "smacross", TestSmaCross::new, request(candles, params, List.of()), null);
    }

    /** The SMA cross rules and the fill model, computed directly from the candles. */
    record Expected(List<BacktestTrade> trades, BigDecimal quote, BigDecimal base, List<BigDecimal> equity) {
    }

    static Expected oracle(List<Candle> candles, int fast, int slow) {
        List<BacktestTrade> trades = new ArrayList<>();
        List<BigDecimal> equity = new ArrayList<>();
        BigDecimal quote = BigDecimal.ONE;
        BigDecimal base = BigDecimal.ZERO;
        Side pending = null;
        Integer previous = null;
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            if (pending == Side.BUY) {
                BigDecimal qty = quote.divide(c.open().multiply(BigDecimal.ONE.add(FEE)), DOWN);
                BigDecimal cost = qty.multiply(c.open());
                BigDecimal fee = cost.multiply(FEE);
                quote = quote.subtract(cost).subtract(fee);
                base = base.add(qty);
                trades.add(new BacktestTrade(c.openTime(), Side.BUY, c.open(), qty, fee, null));
            } else if (pending == Side.SELL) {
                BigDecimal proceeds = base.multiply(c.open());
                BigDecimal fee = proceeds.multiply(FEE);
                trades.add(new BacktestTrade(c.openTime(), Side.SELL, c.open(), base, fee, null));
                quote = quote.add(proceeds).subtract(fee);
                base = BigDecimal.ZERO;
            }
            pending = null;
            if (i + 1 >= slow) {
                BigDecimal f = BigDecimal.ZERO;
                BigDecimal s = BigDecimal.ZERO;
                for (int k = i - slow + 1; k <= i; k++) {
                    s = s.add(candles.get(k).close());
                    if (k > i - fast) {
                        f = f.add(candles.get(k).close());
                    }
                }
                int cmp = f.multiply(BigDecimal.valueOf(slow)).compareTo(s.multiply(BigDecimal.valueOf(fast)));
                if (previous != null) {
                    if (base.signum() == 0 && previous <= 0 && cmp > 0) {
                        pending = Side.BUY;
                    } else if (base.signum() > 0 && previous >= 0 && cmp < 0) {
                        pending = Side.SELL;
                    }
                }
                previous = cmp;
            }
            equity.add(quote.add(base.multiply(c.close())));
        }
        return new Expected(trades, quote, base, equity);
    }

    @Test
    void smaCrossOnRealCandlesTradesExactlyAsTheRulesAndTheFillModelSay() {
        List<Candle> candles = ethBtc();
        BacktestReport r = smaCross(candles, Map.of("fast", "10", "slow", "30"));
        Expected x = oracle(candles, 10, 30);
        assertThat(r.candles()).isEqualTo(candles.size());
        assertThat(r.failure()).isNull();
        assertThat(x.trades()).hasSizeGreaterThan(50);
        assertThat(r.trades()).hasSameSizeAs(x.trades());
        for (int i = 0; i < x.trades().size(); i++) {
            BacktestTrade got = r.trades().get(i);
            BacktestTrade want = x.trades().get(i);
            assertThat(got.time()).isEqualTo(want.time());
            assertThat(got.side()).isEqualTo(want.side());
            assertThat(got.price()).isEqualByComparingTo(want.price());
            assertThat(got.quantity()).isEqualByComparingTo(want.quantity());
            assertThat(got.fee()).isEqualByComparingTo(want.fee());
        }
        Candle last = candles.get(candles.size() - 1);
        assertThat(r.finalEquity()).isEqualByComparingTo(x.quote().add(x.base().multiply(last.close())));
        assertThat(r.finalBalances().get("BTC")).isEqualByComparingTo(x.quote());
        assertThat(r.startingEquity()).isEqualByComparingTo("1");
        assertThat(r.startTime()).isEqualTo(candles.get(0).openTime());
        assertThat(r.endTime()).isEqualTo(last.time());
        assertThat(r.metrics().tradeCount()).isEqualTo(x.trades().size());
        assertThat(r.metrics().roundTrips()).isEqualTo(x.trades().size() / 2);
        BigDecimal fees = x.trades().stream().map(BacktestTrade::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(r.metrics().fees()).isEqualByComparingTo(fees);
        assertThat(r.metrics().totalReturn().doubleValue())
                .isCloseTo(r.finalEquity().doubleValue() - 1, within(1e-8));
        assertMetrics(r, x);
    }

    private static void assertMetrics(BacktestReport r, Expected x) {
        double peak = 1;
        double maxDd = 0;
        double prev = 1;
        List<Double> returns = new ArrayList<>();
        for (BigDecimal e : x.equity()) {
            double v = e.doubleValue();
            peak = Math.max(peak, v);
            maxDd = Math.max(maxDd, (peak - v) / peak);
            returns.add(v / prev - 1);
            prev = v;
        }
        double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var = returns.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (returns.size() - 1);
        double sharpe = mean / Math.sqrt(var) * Math.sqrt(365.0 * 86_400_000 / Timeframe.M5.millis());
        assertThat(r.metrics().maxDrawdown().doubleValue()).isCloseTo(maxDd, within(1e-8));
        assertThat(r.metrics().sharpeRatio().doubleValue()).isCloseTo(sharpe, within(1e-6));
        int wins = 0;
        for (int i = 1; i < x.trades().size(); i += 2) {
            BacktestTrade buy = x.trades().get(i - 1);
            BacktestTrade sell = x.trades().get(i);
            BigDecimal cash = sell.price().multiply(sell.quantity()).subtract(sell.fee())
                    .subtract(buy.price().multiply(buy.quantity())).subtract(buy.fee());
            wins += cash.signum() > 0 ? 1 : 0;
        }
        assertThat(r.metrics().winRate().doubleValue()).isCloseTo((double) wins / (x.trades().size() / 2), within(1e-8));
        assertThat(r.equityCurve()).hasSizeLessThanOrEqualTo(EquityRecorder.TARGET_POINTS + 1);
        assertThat(r.equityCurve().get(r.equityCurve().size() - 1).equity()).isEqualByComparingTo(r.finalEquity());
        assertThat(r.equityCurve().get(0).equity()).isEqualByComparingTo(x.equity().get(0));
    }

    @Test
    void equalRequestsGiveByteIdenticalJsonWithTheRequiredFields() {
        List<Candle> candles = ethBtc();
        BacktestReport a = smaCross(candles, Map.of("fast", "7", "slow", "25"));
        BacktestReport b = smaCross(candles, Map.of("fast", "7", "slow", "25"));
        String json = ReportJson.write(a);
        assertThat(ReportJson.write(b)).isEqualTo(json);
        assertThat(a).isEqualTo(b);
        assertThat(json).startsWith("{\n  \"strategyType\": \"smacross\",\n  \"instrument\": \"ETH/BTC\",\n")
                .contains("\"parameters\": {\"fast\": \"7\", \"slow\": \"25\"}")
                .contains("\"candles\": " + candles.size() + ",")
                .contains("\"startingBalances\": {\"BTC\": 1},")
                .contains("\"finalEquity\": " + a.finalEquity().stripTrailingZeros().toPlainString() + ",")
                .contains("\"metrics\": {\"totalReturn\": ")
                .contains("\"trades\": [\n    {\"time\": " + a.trades().get(0).time() + ", \"side\": \"BUY\", \"price\": ")
                .endsWith("\"failure\": null\n}\n");
        assertThat(Pattern.compile("\\d[eE][+-]?\\d").matcher(json).find()).as("no exponent notation").isFalse();
        assertThat(json.chars().filter(ch -> ch == '{').count()).isEqualTo(json.chars().filter(ch -> ch == '}').count());
    }

    @Test
    void theHtmlReportIsSelfContained() {
        BacktestReport r = smaCross(ethBtc(), Map.of());
        String html = ReportHtml.write(r);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<polyline")
                .contains("class=\"buy\"").contains("class=\"sell\"").contains("Max drawdown").endsWith("</html>\n");
        String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertThat(withoutNamespace).doesNotContain("http://").doesNotContain("https://").doesNotContain(" src=")
                .doesNotContain(" href=");
        assertThat(ReportHtml.write(smaCross(ethBtc(), Map.of()))).isEqualTo(html);
    }

    @Test
    void signalsArriveInTimeOrderRightAfterTheCandleTheyFallIn() {
        List<Candle> candles = CandleData.flat(ETH_BTC, 0, 5, "0.1");
        Signal early = new Signal("s1", 30_000, SignalAction.BUY, ETH_BTC, d("1"), null, null, null, "file");
        Signal onClose = new Signal("s2", 120_000, SignalAction.SELL, ETH_BTC, d("1"), null, null, null, "file");
        Signal late = new Signal("s3", 10_000_000, SignalAction.CLOSE, ETH_BTC, null, null, null, null, "file");
        RecordingStrategy s = new RecordingStrategy();
        TestVenue venue = new TestVenue("backtest", ETH_BTC, candles, Map.of("BTC", BigDecimal.ONE), FEE, FEE);
        List<long[]> progress = new ArrayList<>();
        BacktestReport r = Backtester.run(venue, "rec", () -> s,
                request(candles, Map.of(), List.of(early, onClose, late)), (done, total) -> progress.add(new long[] {done, total}));
        List<String> order = s.events.stream().map(e -> e instanceof Candle c ? "c" + c.time() : ((Signal) e).id()).toList();
        assertThat(order).containsExactly("c60000", "s1", "c120000", "s2", "c180000", "c240000", "c300000");
        assertThat(r.candles()).isEqualTo(5);
        assertThat(progress.get(progress.size() - 1)).containsExactly(5, 5);
    }

    @Test
    void aStrategyThatFailsMidRunIsReportedAndTheRunCompletes() {
        List<Candle> candles = CandleData.flat(ETH_BTC, 0, 50, "0.1");
        RecordingStrategy s = new RecordingStrategy();
        s.candleHook = (me, c) -> {
            if (me.candles() == 20) {
                throw new IllegalStateException("division by zero in my indicator");
            }
        };
        TestVenue venue = new TestVenue("backtest", ETH_BTC, candles, Map.of("BTC", BigDecimal.ONE), FEE, FEE);
        BacktestReport r = Backtester.run(venue, "rec", () -> s, request(candles, Map.of(), List.of()), null);
        assertThat(r.failure()).isEqualTo("onCandle threw java.lang.IllegalStateException: division by zero in my indicator");
        assertThat(r.candles()).isEqualTo(50);
        assertThat(s.candles()).isEqualTo(20);
        assertThat(ReportJson.write(r)).contains("\"failure\": \"onCandle threw java.lang.IllegalStateException:");
    }

    @Test
    void aBadParameterIsAnIllegalArgumentWithTheStrategysMessage() {
        List<Candle> candles = CandleData.flat(ETH_BTC, 0, 5, "0.1");
        assertThatThrownBy(() -> smaCross(candles, Map.of("fast", "30", "slow", "20")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("smacross: fast period 30 must be below slow period 20");
        assertThatThrownBy(() -> smaCross(candles, Map.of("exit.takeProfit", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exit.takeProfit -1 must be a positive number of percent");
        RecordingStrategy buggy = new RecordingStrategy();
        buggy.startHook = c -> {
            throw new NullPointerException("oops");
        };
        TestVenue venue = new TestVenue("backtest", ETH_BTC, candles, Map.of("BTC", BigDecimal.ONE), FEE, FEE);
        BacktestReport r = Backtester.run(venue, "rec", () -> buggy, request(candles, Map.of(), List.of()), null);
        assertThat(r.failure()).isEqualTo("onStart threw java.lang.NullPointerException: oops");
        assertThat(r.candles()).isEqualTo(5);
    }

    @Test
    void aStopLossExitsAfterTheFirstCandleWhoseLowReachesItsLevel() {
        List<Candle> candles = ethBtc();
        BacktestReport plain = smaCross(candles, Map.of());
        BacktestReport stopped = smaCross(candles, Map.of("exit.stopLoss", "0.5"));
        assertThat(stopped.trades()).isNotEqualTo(plain.trades());
        Map<Long, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < candles.size(); i++) {
            index.put(candles.get(i).openTime(), i);
        }
        int exits = 0;
        BacktestTrade entry = null;
        for (BacktestTrade t : stopped.trades()) {
            if (t.side() == Side.BUY) {
                entry = t;
                continue;
            }
            if ("exit:stopLoss".equals(t.tag())) {
                exits++;
                BigDecimal level = entry.price().multiply(d("0.995"));
                int filledAt = index.get(t.time());
                int from = index.get(entry.time());
                assertThat(candles.get(filledAt - 1).low()).isLessThanOrEqualTo(level);
                for (int k = from; k < filledAt - 1; k++) {
                    assertThat(candles.get(k).low()).as("no earlier candle reached the stop").isGreaterThan(level);
                }
                assertThat(t.price()).isEqualByComparingTo(candles.get(filledAt).open());
            }
        }
        assertThat(exits).isGreaterThan(5);
    }
}
