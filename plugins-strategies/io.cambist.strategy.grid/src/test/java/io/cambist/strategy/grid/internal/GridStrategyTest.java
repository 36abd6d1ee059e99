package io.cambist.strategy.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.cambist.api.backtest.BacktestTrade;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.ExitRules;
import io.cambist.testkit.strategy.ExitOracle;
import io.cambist.testkit.strategy.ReplayResult;
import io.cambist.testkit.strategy.ReplayResult.Delivery;
import io.cambist.testkit.strategy.ReplayResult.Submission;
import io.cambist.testkit.strategy.StrategyReplay;
import io.cambist.testkit.strategy.StrategySession;

/** The grid bot on real ETH/BTC five-minute candles, through the real engine and the paper venue. */
class GridStrategyTest {

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    static final BigDecimal LOWER = new BigDecimal("0.085");
    static final BigDecimal UPPER = new BigDecimal("0.1");
    static final BigDecimal STEP = new BigDecimal("0.001");

    static StrategyReplay grid() {
        return StrategyReplay.of("grid", GridStrategy::new)
                .sharedCandles("ETH_BTC-5m.json", ETH_BTC)
                .parameter("lower", LOWER).parameter("upper", UPPER).parameter("levels", 16)
                .parameter("orderSize", "0.5")
                .balance("BTC", "2").fee("0.001");
    }

    /** A completed cycle as the test recognises it: a grid buy that filled, and the sell placed right after it. */
    record Cycle(Order buy, Order sell) {
    }

    /**
     * Pairs every filled grid buy with the order the bot submitted in reaction to its fill (the next submission after
     * the fill was delivered), and keeps the pairs whose sell filled.
     */
    static List<Cycle> cycles(ReplayResult r) {
        Map<ClientOrderId, Order> last = r.orders();
        List<Cycle> out = new ArrayList<>();
        for (Delivery d : r.deliveries()) {
            Order o = d.event().order();
            if (d.event().status() != OrderStatus.FILLED || o.side() != Side.BUY || o.type() != OrderType.LIMIT) {
                continue;
            }
            List<Submission> after = r.submissionsAfter(d.seq());
            assertThat(after).as("a sell after buy %s filled at %s", o.clientOrderId(), o.limitPrice()).isNotEmpty();
            Submission next = after.get(0);
            assertThat(next.request().side()).isEqualTo(Side.SELL);
            assertThat(next.request().type()).isEqualTo(OrderType.LIMIT);
            assertThat(next.request().quantity()).isEqualByComparingTo(o.filledQuantity());
            Order sell = last.get(next.order().clientOrderId());
            if (sell.status() == OrderStatus.FILLED) {
                out.add(new Cycle(o, sell));
            }
        }
        return out;
    }

    @Test
    void ordersStayInsideTheBoundsOnTheLadderAndEveryCycleSellsOneStepAboveItsBuy() {
        ReplayResult r = grid().run();
        assertThat(r.report().failure()).isNull();

        TreeSet<BigDecimal> ladder = new TreeSet<>();
        for (int i = 0; i < 16; i++) {
            ladder.add(LOWER.add(STEP.multiply(BigDecimal.valueOf(i))));
        }
        List<Submission> limits = r.submissions().stream().filter(s -> s.request().type() == OrderType.LIMIT).toList();
        assertThat(limits).hasSizeGreaterThan(100);
        for (Submission s : limits) {
            BigDecimal p = s.request().limitPrice();
            assertThat(p).as("limit price").isBetween(LOWER, UPPER);
            assertThat(ladder.contains(p.stripTrailingZeros()) || ladder.stream().anyMatch(l -> l.compareTo(p) == 0))
                    .as("%s is a grid price", p).isTrue();
        }

        List<Cycle> cycles = cycles(r);
        assertThat(cycles).as("completed cycles").hasSizeGreaterThan(50);
        BigDecimal profit = BigDecimal.ZERO;
        for (Cycle c : cycles) {
            assertThat(c.sell().limitPrice()).as("sell of the buy at %s", c.buy().limitPrice())
                    .isEqualByComparingTo(c.buy().limitPrice().add(STEP));
            assertThat(c.sell().filledQuantity()).isEqualByComparingTo(c.buy().filledQuantity());
            assertThat(c.sell().averagePrice().subtract(c.buy().averagePrice())).as("earned per unit")
                    .isGreaterThanOrEqualTo(STEP);
            profit = profit.add(c.sell().averagePrice().subtract(c.buy().averagePrice()).multiply(c.sell().filledQuantity())
                    .subtract(c.buy().fees()).subtract(c.sell().fees()));
        }
        assertThat(r.finalSnapshot().get("cycles")).isEqualTo(Integer.toString(cycles.size()));
        assertThat(new BigDecimal(r.finalSnapshot().get("profit"))).isEqualByComparingTo(profit);
        assertThat(profit).isPositive();
    }

    /**
     * At most one order per grid, so at most levels - 1 at once, and never two orders of one side at one price. (A buy
     * and a sell may meet at one price for a candle: when one candle fills the sell above a level and the buy below
     * it, the order of the two inside the candle is unknown, and the next candle fills whichever was right.)
     */
    @Test
    void neverTwoOrdersOfOneSideAtOnePriceAndAtMostOnePerGrid() {
        ReplayResult r = grid().run();
        Map<ClientOrderId, Order> open = new HashMap<>();
        int most = 0;
        for (Delivery d : r.deliveries()) {
            Order o = d.event().order();
            if (o.isOpen()) {
                open.put(o.clientOrderId(), o);
            } else {
                open.remove(o.clientOrderId());
            }
            for (Side side : Side.values()) {
                List<BigDecimal> prices = open.values().stream().filter(x -> x.type() == OrderType.LIMIT && x.side() == side)
                        .map(x -> x.limitPrice().stripTrailingZeros()).toList();
                assertThat(new TreeSet<>(prices)).as("%s prices at candle %d", side, d.candle()).hasSameSizeAs(prices);
            }
            most = Math.max(most, open.size());
        }
        assertThat(most).isEqualTo(15);
    }

    @Test
    void geometricSpacingKeepsEqualRatiosRoundedToTheTick() {
        ReplayResult r = StrategyReplay.of("grid", GridStrategy::new).sharedCandles("ETH_BTC-5m.json", ETH_BTC)
                .parameter("lower", "0.086").parameter("upper", "0.1").parameter("levels", 12)
                .parameter("spacing", "geometric").parameter("orderQuote", "0.05").balance("BTC", "2").fee("0.001").run();
        assertThat(r.report().failure()).isNull();
        // an oracle in double precision, rounded to the file's tick of 1e-8
        List<BigDecimal> ladder = new ArrayList<>();
        double ratio = Math.pow(0.1 / 0.086, 1.0 / 11);
        for (int i = 0; i < 12; i++) {
            ladder.add(BigDecimal.valueOf(0.086 * Math.pow(ratio, i)).setScale(8, RoundingMode.HALF_UP));
        }
        List<Cycle> cycles = cycles(r);
        assertThat(cycles).hasSizeGreaterThan(20);
        for (Cycle c : cycles) {
            int at = indexOf(ladder, c.buy().limitPrice());
            assertThat(at).as("buy price %s on the ladder %s", c.buy().limitPrice(), ladder).isBetween(0, 10);
            assertThat(c.sell().limitPrice()).isEqualByComparingTo(ladder.get(at + 1));
            // orderQuote: each buy spends about 0.05 BTC at its own price
            assertThat(c.buy().quantity().multiply(c.buy().limitPrice())).isBetween(new BigDecimal("0.0499999"),
                    new BigDecimal("0.05"));
        }
    }

    private static int indexOf(List<BigDecimal> ladder, BigDecimal price) {
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i).compareTo(price) == 0) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theStopLossBoundCancelsEverythingSellsThePositionAndHalts() {
        ReplayResult r = StrategyReplay.of("grid", GridStrategy::new).sharedCandles("ETH_BTC-5m.json", ETH_BTC)
                .parameter("lower", "0.09").parameter("upper", "0.1").parameter("levels", 11)
                .parameter("orderSize", "1").parameter("stopLoss", "0.088").balance("BTC", "3").fee("0.001").run();
        int breach = -1;
        for (int i = 0; i < r.candles().size(); i++) {
            if (r.candles().get(i).low().compareTo(new BigDecimal("0.088")) <= 0) {
                breach = i;
                break;
            }
        }
        assertThat(breach).isPositive();
        int at = breach;
        assertThat(r.actions()).filteredOn(a -> a.what().equals("closePosition")).singleElement()
                .satisfies(a -> assertThat(a.candle()).isEqualTo(at));
        List<Order> closes = r.ordersTagged("close:grid-stopLoss");
        assertThat(closes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.side()).isEqualTo(Side.SELL);
        });
        BacktestTrade exit = r.report().trades().stream().filter(t -> "close:grid-stopLoss".equals(t.tag())).findFirst()
                .orElseThrow();
        assertThat(exit.time()).as("filled at the next candle's open").isEqualTo(r.candles().get(at + 1).openTime());
        assertThat(exit.price()).isEqualByComparingTo(r.candles().get(at + 1).open());
        assertThat(r.actions()).filteredOn(a -> a.what().equals("halt")).singleElement()
                .satisfies(a -> assertThat(a.detail()).startsWith("stop loss: the price fell to"));
        assertThat(r.submissions()).allSatisfy(s -> assertThat(s.candle()).isLessThanOrEqualTo(at));
        assertThat(r.report().finalBalances().get("ETH")).isEqualByComparingTo("0");
        assertThat(r.orders().values()).noneMatch(Order::isOpen);
    }

    @Test
    void anEngineTrailingStopExitsAtTheFirstCandleWhoseLowBreachesTheTrailingLevel() {
        ReplayResult r = grid().parameter(ExitRules.TRAILING_ACTIVATION, "1").parameter(ExitRules.TRAILING_CALLBACK, "1")
                .run();
        ExitOracle.Exit expected = ExitOracle.first(r, new ExitRules(null, null, null, BigDecimal.ONE, BigDecimal.ONE))
                .orElseThrow(() -> new AssertionError("the candles never trigger the trailing stop"));
        assertThat(expected.kind()).isEqualTo("trailingStop");
        int at = expected.candle();
        assertThat(r.candles().get(at).low()).isLessThanOrEqualTo(expected.level());
        // the engine decided at that candle and no earlier
        assertThat(r.deliveries()).filteredOn(d -> "exit:trailingStop".equals(d.event().order().tag()))
                .allSatisfy(d -> assertThat(d.candle()).isGreaterThanOrEqualTo(at))
                .anySatisfy(d -> assertThat(d.candle()).isEqualTo(at));
        BacktestTrade exit = r.report().trades().stream().filter(t -> "exit:trailingStop".equals(t.tag())).findFirst()
                .orElseThrow(() -> new AssertionError("no trailing stop fill in " + r.report().trades().size() + " trades"));
        assertThat(exit.time()).as("filled at the open after the breach").isEqualTo(r.candles().get(at + 1).openTime());
        assertThat(exit.quantity()).isEqualByComparingTo(r.positionAt(at).orElseThrow().quantity());
        assertThat(r.actions()).filteredOn(a -> a.what().equals("halt")).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("trailingStop"));
        assertThat(r.report().finalBalances().get("ETH")).isEqualByComparingTo("0");
        assertThat(r.orders().values()).noneMatch(Order::isOpen);
    }

    @Test
    void aHotSwapCarriesOnExactlyAsAnUninterruptedRun() {
        ReplayResult plain = grid().run();
        ReplayResult swapped = grid().hotSwapAt(1500).hotSwapAt(3500).run();
        assertThat(swapped.swaps()).hasSize(2).allSatisfy(s -> assertThat(s.openOrders()).hasSizeGreaterThan(5));
        // every open order was taken over: not one order more than without the swaps, and the same fills
        assertThat(orderLines(swapped)).isEqualTo(orderLines(plain));
        assertThat(swapped.report().trades()).isEqualTo(plain.report().trades());
        assertThat(swapped.finalSnapshot().get("cycles")).isEqualTo(plain.finalSnapshot().get("cycles"));
        assertThat(swapped.finalSnapshot().get("profit")).isEqualTo(plain.finalSnapshot().get("profit"));
    }

    @Test
    void aRestartWithAnOlderSnapshotRebuildsFromTheOpenOrdersWithoutDuplicates() {
        ReplayResult plain = grid().run();
        ReplayResult restarted = grid().restartAt(2600, 2300).run();
        ReplayResult.Swap restart = restarted.swaps().get(0);
        assertThat(restart.restart()).isTrue();
        assertThat(restart.openOrders()).hasSizeGreaterThan(5);
        assertThat(orderLines(restarted)).isEqualTo(orderLines(plain));
        assertThat(restarted.report().trades()).isEqualTo(plain.report().trades());
        int cyclesPlain = Integer.parseInt(plain.finalSnapshot().get("cycles"));
        int cyclesRestarted = Integer.parseInt(restarted.finalSnapshot().get("cycles"));
        // sells placed after the old snapshot finish their cycles without a known buy price: not counted
        assertThat(cyclesRestarted).isLessThanOrEqualTo(cyclesPlain).isGreaterThan(cyclesPlain - 15);
    }

    @Test
    void anUpdateOfTheBundleThroughTheEnginesRunnerLosesNothingAndDuplicatesNothing() {
        List<String> plain;
        List<String> swapped;
        try (StrategySession s = session()) {
            s.step(6000);
            plain = orderLines(s.orders("eth"));
        }
        try (StrategySession s = session()) {
            s.step(1500);
            int open = (int) s.orders("eth").stream().filter(Order::isOpen).count();
            assertThat(open).isGreaterThan(5);
            s.hotSwap(GridStrategy::new);
            assertThat(s.status("eth").state()).isEqualTo(io.cambist.api.strategy.StrategyState.RUNNING);
            assertThat(s.orders("eth").stream().filter(Order::isOpen).count()).as("nothing placed again").isEqualTo(open);
            s.step(2000);
            s.hotSwap(GridStrategy::new);
            s.step(6000);
            swapped = orderLines(s.orders("eth"));
        }
        assertThat(swapped).hasSizeGreaterThan(100).isEqualTo(plain);
    }

    private static StrategySession session() {
        return StrategySession.of("grid", GridStrategy.PID, GridStrategy::new).sharedCandles("ETH_BTC-5m.json", ETH_BTC)
                .instance("eth").parameter("lower", LOWER).parameter("upper", UPPER).parameter("levels", 16)
                .parameter("orderSize", "0.5").balance("BTC", "2").fee("0.001").start();
    }

    private static List<String> orderLines(List<Order> orders) {
        return orders.stream().map(o -> o.createdTime() + " " + o.side() + " " + o.type() + " " + o.limitPrice() + " "
                + o.quantity() + " " + o.status() + " " + o.averagePrice()).toList();
    }

    /** The orders a run placed: candle, side, type, price and quantity of each, in order. */
    private static List<String> orderLines(ReplayResult r) {
        return r.submissions().stream().map(s -> s.candle() + " " + s.request().side() + " " + s.request().type() + " "
                + s.request().limitPrice() + " " + s.request().quantity()).toList();
    }

    @Test
    void parametersAreCheckedWithMessagesThatSayWhatToFix() {
        assertThatThrownBy(() -> grid().parameter("upper", "0.08").run())
                .hasMessageContaining("upper bound 0.08 must be above lower bound 0.085");
        assertThatThrownBy(() -> grid().parameter("orderQuote", "1").run())
                .hasMessageContaining("give orderSize (base quantity per order) or orderQuote (quote amount per order), not both");
        assertThatThrownBy(() -> grid().parameter("levels", 1).run()).hasMessageContaining("levels 1 must be between 2 and 500");
        assertThatThrownBy(() -> grid().parameter("stopLoss", "0.09").run())
                .hasMessageContaining("stopLoss 0.09 must be a positive price below the lower bound 0.085");
        assertThatThrownBy(() -> grid().parameter("levels", 500).parameter("upper", "0.0850001").run())
                .hasMessageContaining("closer than the tick size 0.00000001");
    }
}
