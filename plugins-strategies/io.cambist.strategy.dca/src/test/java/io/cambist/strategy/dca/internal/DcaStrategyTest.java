package io.cambist.strategy.dca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.cambist.api.backtest.BacktestTrade;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.ExitRules;
import io.cambist.testkit.strategy.ExitOracle;
import io.cambist.testkit.strategy.ReplayResult;
import io.cambist.testkit.strategy.ReplayResult.Delivery;
import io.cambist.testkit.strategy.ReplayResult.Submission;
import io.cambist.testkit.strategy.StrategyReplay;
import io.cambist.testkit.strategy.StrategySession;

/** The DCA bot on real ETH/BTC five-minute candles, through the real engine and the paper venue. */
class DcaStrategyTest {

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    static final BigDecimal TICK = new BigDecimal("0.00000001");
    static final BigDecimal[] DEVIATIONS = {new BigDecimal("1"), new BigDecimal("2.5"), new BigDecimal("4.75"),
        new BigDecimal("8.125"), new BigDecimal("13.1875")};

    static StrategyReplay safety() {
        return StrategyReplay.of("dca", DcaStrategy::new).sharedCandles("ETH_BTC-5m.json", ETH_BTC)
                .parameter("mode", "safety").parameter("baseOrderQuote", "0.05").parameter("safetyOrderQuote", "0.05")
                .parameter("maxSafetyOrders", 5).parameter("priceDeviation", "1").parameter("stepScale", "1.5")
                .parameter("volumeScale", "1.5").parameter("takeProfit", "1.5")
                .balance("BTC", "2").fee("0.001");
    }

    static StrategyReplay recurring() {
        return StrategyReplay.of("dca", DcaStrategy::new).sharedCandles("ETH_BTC-5m.json", ETH_BTC)
                .parameter("mode", "recurring").parameter("baseOrderQuote", "0.01").parameter("interval", "PT6H")
                .balance("BTC", "2").fee("0.001");
    }

    /** Deliveries and submissions of a run, in the order they happened. */
    private static List<Object> timeline(ReplayResult r) {
        return Stream.<Object>concat(r.deliveries().stream(), r.submissions().stream())
                .sorted(Comparator.comparingLong(x -> x instanceof Delivery d ? d.seq() : ((Submission) x).seq())).toList();
    }

    private static String tag(Object x) {
        String t = x instanceof Delivery d ? d.event().order().tag() : ((Submission) x).request().tag();
        return t == null ? "" : t;
    }

    @Test
    void theTakeProfitSitsAtItsPercentAboveTheTrueAverageEntryAfterEverySafetyFill() {
        ReplayResult r = safety().run();
        assertThat(r.report().failure()).isNull();
        List<Object> timeline = timeline(r);
        List<BigDecimal[]> cycleFills = new ArrayList<>();
        int checked = 0;
        int safetyFillsChecked = 0;
        int mostSafetyFills = 0;
        int safetyFills = 0;
        int takeProfits = 0;
        for (int i = 0; i < timeline.size(); i++) {
            Object x = timeline.get(i);
            if (!(x instanceof Delivery d) || !d.event().isFill()) {
                continue;
            }
            String tag = tag(d);
            if (tag.equals("dca:tp") && d.event().status() == OrderStatus.FILLED) {
                takeProfits++;
                cycleFills.clear();
                mostSafetyFills = Math.max(mostSafetyFills, safetyFills);
                safetyFills = 0;
                continue;
            }
            if (!tag.equals("dca:base") && !tag.startsWith("dca:so")) {
                continue;
            }
            cycleFills.add(new BigDecimal[] {d.event().fill().price(), d.event().fill().quantity()});
            if (tag.startsWith("dca:so")) {
                safetyFills++;
                safetyFillsChecked++;
            }
            BigDecimal qty = BigDecimal.ZERO;
            BigDecimal cost = BigDecimal.ZERO;
            for (BigDecimal[] f : cycleFills) {
                cost = cost.add(f[0].multiply(f[1]));
                qty = qty.add(f[1]);
            }
            BigDecimal average = cost.divide(qty, MathContext.DECIMAL128);
            BigDecimal expected = average.multiply(new BigDecimal("1.015")).divide(TICK, 0, RoundingMode.CEILING)
                    .multiply(TICK);
            Submission tp = null;
            for (int j = i + 1; j < timeline.size(); j++) {
                Object y = timeline.get(j);
                if (y instanceof Submission s && tag(s).equals("dca:tp")) {
                    tp = s;
                    break;
                }
                if (y instanceof Delivery other && other.event().isFill() && !tag(other).equals("dca:tp")) {
                    break;
                }
            }
            assertThat(tp).as("a take profit after the fill of %s", tag).isNotNull();
            assertThat(tp.request().limitPrice()).as("take profit after %s fill, average %s", tag, average)
                    .isEqualByComparingTo(expected);
            assertThat(tp.request().quantity()).isEqualByComparingTo(qty);
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(safetyFillsChecked).isGreaterThan(5);
        assertThat(mostSafetyFills).as("a cycle that needed several safety orders").isGreaterThanOrEqualTo(2);
        assertThat(takeProfits).isGreaterThanOrEqualTo(3);
        assertThat(r.finalSnapshot().get("cycles")).isEqualTo(Integer.toString(takeProfits));
    }

    @Test
    void safetyOrdersSitTheirScaledDeviationsBelowTheEntryWithGrowingSizes() {
        ReplayResult r = safety().run();
        List<Order> bases = r.ordersTagged("dca:base");
        assertThat(bases).hasSizeGreaterThan(3);
        for (Order base : bases) {
            if (base.status() != OrderStatus.FILLED) {
                continue;
            }
            Delivery fill = r.deliveries().stream().filter(d -> d.event().order().clientOrderId().equals(base.clientOrderId())
                    && d.event().status() == OrderStatus.FILLED).findFirst().orElseThrow();
            List<Submission> after = r.submissionsAfter(fill.seq());
            for (int k = 1; k <= 5; k++) {
                Submission so = after.get(k - 1);
                assertThat(so.request().tag()).isEqualTo("dca:so" + k);
                BigDecimal price = base.averagePrice().multiply(BigDecimal.valueOf(100).subtract(DEVIATIONS[k - 1]))
                        .divide(BigDecimal.valueOf(100), MathContext.DECIMAL128).divide(TICK, 0, RoundingMode.FLOOR)
                        .multiply(TICK);
                assertThat(so.request().limitPrice()).as("safety order %d", k).isEqualByComparingTo(price);
                BigDecimal quote = new BigDecimal("0.05").multiply(new BigDecimal("1.5").pow(k - 1));
                assertThat(so.request().quantity()).isEqualByComparingTo(quote.divide(price, 8, RoundingMode.DOWN));
            }
        }
    }

    @Test
    void aNewCycleStartsAfterTheTakeProfitFills() {
        ReplayResult r = safety().run();
        List<Order> tps = r.ordersTagged("dca:tp").stream().filter(o -> o.status() == OrderStatus.FILLED).toList();
        assertThat(tps).hasSizeGreaterThanOrEqualTo(3);
        List<Submission> bases = r.submissions().stream().filter(s -> "dca:base".equals(s.request().tag())).toList();
        for (Order tp : tps) {
            int filledAt = r.deliveries().stream().filter(d -> d.event().order().clientOrderId().equals(tp.clientOrderId())
                    && d.event().status() == OrderStatus.FILLED).findFirst().orElseThrow().candle();
            if (filledAt >= r.candles().size() - 2) {
                continue;
            }
            assertThat(bases).as("a base order right after the take profit filled at candle %d", filledAt)
                    .anySatisfy(b -> assertThat(b.candle()).isEqualTo(filledAt + 1));
            // and no safety order of the old cycle is left working
            Position p = r.positionAt(filledAt + 1).orElseThrow();
            assertThat(p.quantity()).isEqualByComparingTo("0");
        }
    }

    @Test
    void recurringBuysFollowTheCandleClock() {
        ReplayResult r = recurring().run();
        assertThat(r.report().failure()).isNull();
        List<Submission> buys = r.submissions();
        long first = r.candles().get(0).time();
        long span = r.candles().get(r.candles().size() - 1).time() - first;
        assertThat(buys).hasSize((int) (span / 21_600_000L) + 1);
        for (int k = 0; k < buys.size(); k++) {
            Submission s = buys.get(k);
            assertThat(s.request().quoteQuantity()).isEqualByComparingTo("0.01");
            long due = first + k * 21_600_000L;
            int at = s.candle();
            assertThat(r.candles().get(at).time()).as("buy %d", k).isGreaterThanOrEqualTo(due);
            assertThat(at == 0 || r.candles().get(at - 1).time() < due).as("the first candle at or after buy %d", k).isTrue();
        }
        // each buy spends exactly its quote amount, fee included
        for (BacktestTrade t : r.report().trades()) {
            assertThat(t.price().multiply(t.quantity()).add(t.fee())).isBetween(new BigDecimal("0.0099999"),
                    new BigDecimal("0.01"));
        }
    }

    @Test
    void anEngineTrailingStopOnRecurringBuysExitsAtTheFirstBreachAndBuyingGoesOn() {
        ReplayResult r = recurring().parameter(ExitRules.TRAILING_ACTIVATION, "2").parameter(ExitRules.TRAILING_CALLBACK, "1")
                .run();
        ExitOracle.Exit exit = ExitOracle.first(r, new ExitRules(null, null, null, new BigDecimal("2"), BigDecimal.ONE))
                .orElseThrow();
        int at = exit.candle();
        BacktestTrade sold = r.report().trades().stream().filter(t -> "exit:trailingStop".equals(t.tag())).findFirst()
                .orElseThrow();
        assertThat(sold.time()).isEqualTo(r.candles().get(at + 1).openTime());
        assertThat(sold.quantity()).isEqualByComparingTo(r.positionAt(at).orElseThrow().quantity());
        assertThat(r.deliveries()).filteredOn(d -> "exit:trailingStop".equals(d.event().order().tag()))
                .first().satisfies(d -> assertThat(d.candle()).isEqualTo(at));
        assertThat(r.submissions()).anySatisfy(s -> assertThat(s.candle()).isGreaterThan(at + 1));
    }

    @Test
    void anEngineTrailingStopOnASafetyCycleSellsDespiteTheTakeProfitAndANewCycleFollows() {
        ReplayResult r = safety().parameter("takeProfit", "5").parameter(ExitRules.TRAILING_ACTIVATION, "1")
                .parameter(ExitRules.TRAILING_CALLBACK, "0.5").run();
        assertThat(r.report().failure()).isNull();
        ExitOracle.Exit exit = ExitOracle.first(r, new ExitRules(null, null, null, BigDecimal.ONE, new BigDecimal("0.5")))
                .orElseThrow();
        int at = exit.candle();
        // the engine cancelled the bot's take profit (which held the base) before it sent the exit, at the breach candle,
        // so the exit is never refused
        assertThat(r.deliveries()).filteredOn(d -> "exit:trailingStop".equals(d.event().order().tag()))
                .first().satisfies(d -> assertThat(d.candle()).isEqualTo(at));
        assertThat(r.deliveries()).filteredOn(d -> "exit:trailingStop".equals(d.event().order().tag()))
                .extracting(d -> d.event().status()).doesNotContain(OrderStatus.REJECTED);
        assertThat(r.deliveries()).anySatisfy(d -> {
            assertThat(d.candle()).isEqualTo(at);
            assertThat(d.event().order().tag()).startsWith("dca:tp");
            assertThat(d.event().status()).isEqualTo(OrderStatus.CANCELED);
        });
        BacktestTrade sold = r.report().trades().stream().filter(t -> "exit:trailingStop".equals(t.tag())).findFirst()
                .orElseThrow();
        assertThat(sold.time()).isEqualTo(r.candles().get(at + 1).openTime());
        assertThat(sold.quantity()).isEqualByComparingTo(r.positionAt(at).orElseThrow().quantity());
        assertThat(r.submissions()).filteredOn(s -> "dca:base".equals(s.request().tag()))
                .anySatisfy(s -> assertThat(s.candle()).isEqualTo(at + 1));
    }

    @Test
    void theStopLossSellsAtTheFirstCandleBelowItsLevelAndHaltsTheBot() {
        ReplayResult r = safety().parameter("maxSafetyOrders", 1).parameter("stopLoss", "4").run();
        int breach = -1;
        for (int i = 0; i < r.candles().size() && breach < 0; i++) {
            Position p = r.positionAt(i).orElse(null);
            if (p != null && p.quantity().signum() > 0) {
                BigDecimal level = p.averageEntryPrice().multiply(new BigDecimal("0.96"));
                if (r.candles().get(i).low().compareTo(level) <= 0) {
                    breach = i;
                }
            }
        }
        assertThat(breach).as("the candles fall 4 %% below an average entry").isPositive();
        int at = breach;
        assertThat(r.actions()).filteredOn(a -> a.what().equals("closePosition")).singleElement()
                .satisfies(a -> assertThat(a.candle()).isEqualTo(at));
        BacktestTrade sold = r.report().trades().stream().filter(t -> "close:dca-stopLoss".equals(t.tag())).findFirst()
                .orElseThrow();
        assertThat(sold.time()).isEqualTo(r.candles().get(at + 1).openTime());
        assertThat(sold.side()).isEqualTo(Side.SELL);
        assertThat(r.actions()).filteredOn(a -> a.what().equals("halt")).singleElement()
                .satisfies(a -> assertThat(a.detail()).startsWith("stop loss"));
        assertThat(r.submissions()).allSatisfy(s -> assertThat(s.candle()).isLessThanOrEqualTo(at));
        assertThat(r.report().finalBalances().get("ETH")).isEqualByComparingTo("0");
    }

    @Test
    void hotSwapsAndARestartCarryOnExactlyAsAnUninterruptedRun() {
        ReplayResult plain = safety().run();
        ReplayResult swapped = safety().hotSwapAt(1000).hotSwapAt(2500).hotSwapAt(4000).run();
        assertThat(lines(swapped)).isEqualTo(lines(plain));
        assertThat(swapped.report().trades()).isEqualTo(plain.report().trades());
        assertThat(swapped.finalSnapshot()).isEqualTo(plain.finalSnapshot());
        ReplayResult restarted = safety().restartAt(3000, 3000).run();
        assertThat(restarted.report().trades()).isEqualTo(plain.report().trades());
        ReplayResult recurringPlain = recurring().run();
        ReplayResult recurringSwapped = recurring().hotSwapAt(2000).run();
        assertThat(recurringSwapped.report().trades()).isEqualTo(recurringPlain.report().trades());
    }

    @Test
    void anUpdateOfTheBundleThroughTheEnginesRunnerCarriesTheCycleOn() {
        List<String> plain;
        List<String> swapped;
        try (StrategySession s = session()) {
            s.step(6000);
            plain = s.orders("dca").stream().map(DcaStrategyTest::line).toList();
        }
        try (StrategySession s = session()) {
            for (int at : new int[] {700, 1900, 3100}) {
                s.step(at);
                s.hotSwap(DcaStrategy::new);
            }
            s.step(6000);
            swapped = s.orders("dca").stream().map(DcaStrategyTest::line).toList();
        }
        assertThat(swapped).hasSizeGreaterThan(50).isEqualTo(plain);
    }

    private static StrategySession session() {
        return StrategySession.of("dca", DcaStrategy.PID, DcaStrategy::new).sharedCandles("ETH_BTC-5m.json", ETH_BTC)
                .instance("dca").parameter("mode", "safety").parameter("baseOrderQuote", "0.05")
                .parameter("maxSafetyOrders", 5).parameter("priceDeviation", "1").parameter("stepScale", "1.5")
                .parameter("volumeScale", "1.5").parameter("takeProfit", "1.5").balance("BTC", "2").fee("0.001").start();
    }

    private static String line(Order o) {
        return o.createdTime() + " " + o.side() + " " + o.type() + " " + o.limitPrice() + " " + o.quantity() + " "
                + o.quoteQuantity() + " " + o.status() + " " + o.tag();
    }

    private static List<String> lines(ReplayResult r) {
        return r.submissions().stream().map(s -> s.candle() + " " + s.request().side() + " " + s.request().type() + " "
                + s.request().limitPrice() + " " + s.request().quantity() + " " + s.request().tag()).toList();
    }

    @Test
    void parametersAreCheckedWithMessagesThatSayWhatToFix() {
        assertThatThrownBy(() -> safety().parameter("baseOrderQuote", "0").run())
                .hasMessageContaining("baseOrderQuote 0 must be positive");
        assertThatThrownBy(() -> safety().parameter("maxSafetyOrders", 10).parameter("priceDeviation", "10").run())
                .hasMessageContaining("puts the last safety order").hasMessageContaining("must stay below 100 %");
        assertThatThrownBy(() -> safety().parameter("mode", "monthly").run())
                .hasMessageContaining("parameter 'mode' must be one of recurring, safety");
        assertThatThrownBy(() -> recurring().parameter("interval", "PT10S").run())
                .hasMessageContaining("interval PT10S must be at least one minute");
        assertThatThrownBy(() -> recurring().parameter("interval", "daily").run())
                .hasMessageContaining("ISO-8601 duration");
        assertThatThrownBy(() -> safety().parameter("stopLoss", "100").run())
                .hasMessageContaining("stopLoss 100 must be between 0 and 100");
    }
}
