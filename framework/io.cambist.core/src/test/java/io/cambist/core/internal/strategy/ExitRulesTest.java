package io.cambist.core.internal.strategy;

import static io.cambist.core.internal.testing.Fixtures.ETH_BTC;
import static io.cambist.core.internal.testing.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderQuery;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.ExitRules;
import io.cambist.core.internal.engine.Engine;
import io.cambist.core.internal.testing.CandleData;
import io.cambist.core.internal.testing.Fixtures;
import io.cambist.core.internal.testing.RecordingStrategy;
import io.cambist.core.internal.testing.TestVenue;

class ExitRulesTest {

    /** Candle i opens at minute i; the first one is where the strategy buys (filled at the second one's open). */
    static List<Candle> candles(String... ohlc) {
        List<Candle> list = new ArrayList<>();
        list.add(CandleData.candle(ETH_BTC, 0, "0.100", "0.100", "0.100", "0.100"));
        for (int i = 0; i < ohlc.length; i++) {
            String[] f = ohlc[i].split(" ");
            list.add(CandleData.candle(ETH_BTC, (i + 1) * 60_000L, f[0], f[1], f[2], f[3]));
        }
        return list;
    }

    private static RecordingStrategy buyer() {
        RecordingStrategy s = new RecordingStrategy();
        s.candleHook = (me, c) -> {
            if (me.candles() == 1) {
                me.ctx.submit(OrderRequest.market(ETH_BTC, Side.BUY, d("5")));
            }
        };
        return s;
    }

    private static Order exitOrder(Engine e) {
        return e.orders().orders(OrderQuery.all()).stream().filter(o -> o.tag() != null && o.tag().startsWith("exit:"))
                .findFirst().orElse(null);
    }

    private static Engine run(List<Candle> market, Map<String, String> params, int steps) {
        TestVenue venue = Fixtures.venue(market);
        Engine engine = Fixtures.inlineEngine(venue);
        Fixtures.instance(engine, Fixtures.type("buyer", ExitRulesTest::buyer), "bot", params);
        for (int i = 0; i < steps; i++) {
            venue.step();
        }
        return engine;
    }

    @Test
    void stopLossSellsEverythingAfterTheFirstCandleWhoseLowReachesTheLevel() {
        // bought at 0.100; 5 % stop = 0.095
        List<Candle> market = candles("0.100 0.101 0.097 0.098", "0.098 0.099 0.0951 0.096", "0.096 0.097 0.095 0.0955",
                "0.0940 0.096 0.093 0.094");
        Engine e = run(market, Map.of("exit.stopLoss", "5"), 4);
        Order exit = exitOrder(e);
        assertThat(exit).isNotNull();
        assertThat(exit.tag()).isEqualTo("exit:stopLoss");
        assertThat(exit.side()).isEqualTo(Side.SELL);
        assertThat(exit.quantity()).isEqualByComparingTo("5");
        assertThat(exit.createdTime()).as("placed at the close of the third candle after entry").isEqualTo(240_000);
        assertThat(exit.status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void anExitCancelsTheInstancesOrdersFirstAndRefusesNewOnesWhileItIsInFlight() {
        List<Candle> market = candles("0.100 0.101 0.097 0.098", "0.098 0.099 0.0951 0.096", "0.096 0.097 0.095 0.0955");
        List<Order> attempts = new ArrayList<>();
        TestVenue venue = Fixtures.venue(market);
        Engine e = Fixtures.inlineEngine(venue);
        Fixtures.instance(e, Fixtures.type("seller", () -> {
            RecordingStrategy s = new RecordingStrategy();
            s.candleHook = (me, c) -> {
                if (me.candles() == 1) {
                    me.ctx.submit(OrderRequest.market(ETH_BTC, Side.BUY, d("5")));
                } else if (me.candles() == 2) {
                    // a resting sell that holds the whole position, as a grid or a DCA take profit does
                    me.ctx.submit(OrderRequest.limit(ETH_BTC, Side.SELL, d("5"), d("0.2")).withTag("resting"));
                } else if (me.candles() == 4) {
                    attempts.add(me.ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.05"))));
                }
            };
            return s;
        }), "bot", Map.of("exit.stopLoss", "5"));
        for (int i = 0; i < 4; i++) {
            venue.step();
        }
        Order exit = exitOrder(e);
        assertThat(exit).isNotNull();
        assertThat(exit.status()).as("nothing holds the base back any more").isEqualTo(OrderStatus.NEW);
        Order resting = e.orders().orders(OrderQuery.all()).stream().filter(o -> "resting".equals(o.tag())).findFirst()
                .orElseThrow();
        assertThat(resting.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(attempts).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(o.reason()).contains("being closed by exit order " + exit.clientOrderId());
        });
    }

    @Test
    void aFixedStopPriceAndTheTighterOfTheTwoStopsApply() {
        List<Candle> market = candles("0.100 0.101 0.097 0.098", "0.098 0.099 0.0969 0.096");
        Engine e = run(market, Map.of("exit.stopLoss", "5", "exit.stopLossPrice", "0.097"), 3);
        assertThat(exitOrder(e).createdTime()).isEqualTo(120_000);
    }

    @Test
    void takeProfitSellsAfterTheFirstCandleWhoseHighReachesTheLevel() {
        List<Candle> market = candles("0.100 0.102 0.099 0.101", "0.101 0.1029 0.100 0.102", "0.102 0.1031 0.101 0.102",
                "0.102 0.104 0.101 0.103");
        Engine e = run(market, Map.of("exit.takeProfit", "3"), 5);
        Order exit = exitOrder(e);
        assertThat(exit.tag()).isEqualTo("exit:takeProfit");
        assertThat(exit.createdTime()).as("at the close of the candle with high 0.1031").isEqualTo(240_000);
        assertThat(exit.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(exit.averagePrice()).as("filled at the next open").isEqualByComparingTo("0.102");
        assertThat(e.portfolio().strategyPosition("bot").orElseThrow().isFlat()).isTrue();
    }

    @Test
    void trailingStopArmsAfterTheGainAndExitsOnThePullbackFromTheHighest() {
        // activation 2 % = 0.102; callback 1 %
        List<Candle> market = candles(
                "0.100 0.101 0.099 0.100", // not armed
                "0.100 0.103 0.100 0.1025", // arms, highest 0.103
                "0.1025 0.105 0.1020 0.104", // 0.1020 > 0.10197: no exit; highest 0.105
                "0.104 0.106 0.10395 0.104", // 0.10395 <= 0.105 * 0.99 = 0.10395: exit (state before this candle)
                "0.1035 0.104 0.103 0.1035");
        TestVenue venue = Fixtures.venue(market);
        Engine e = Fixtures.inlineEngine(venue);
        StrategyInstance inst = Fixtures.instance(e, Fixtures.type("buyer", ExitRulesTest::buyer), "bot",
                Map.of("exit.trailingActivation", "2", "exit.trailingCallback", "1"));
        venue.step();
        venue.step();
        assertThat(inst.exitTracker().armed()).isFalse();
        venue.step();
        assertThat(inst.exitTracker().armed()).isTrue();
        assertThat(inst.exitTracker().highest()).isEqualByComparingTo("0.103");
        venue.step();
        assertThat(exitOrder(e)).isNull();
        assertThat(inst.exitTracker().highest()).isEqualByComparingTo("0.105");
        venue.step();
        Order exit = exitOrder(e);
        assertThat(exit.tag()).isEqualTo("exit:trailingStop");
        assertThat(exit.createdTime()).as("at the close of the candle with low 0.10395").isEqualTo(300_000);
        venue.step();
        assertThat(e.orders().order(exit.clientOrderId()).orElseThrow().averagePrice()).isEqualByComparingTo("0.1035");
        assertThat(inst.exitTracker().armed()).as("reset once flat").isFalse();
        assertThat(inst.exitTracker().highest()).isNull();
    }

    @Test
    void exitsSetByTheStrategyReplaceTheParametersAndAlsoWatchTickersNewerThanTheLastCandle() {
        List<Candle> market = candles("0.100 0.101 0.099 0.100", "0.100 0.101 0.099 0.100");
        TestVenue venue = Fixtures.venue(market).withTickers(true);
        Engine e = Fixtures.inlineEngine(venue);
        RecordingStrategy s = buyer();
        Fixtures.instance(e, Fixtures.type("b", () -> s), "bot", Map.of("exit.stopLoss", "50"));
        venue.step();
        venue.step();
        s.ctx.setExits(new ExitRules(null, null, d("0.5"), null, null));
        assertThat(s.ctx.exits().takeProfitPercent()).isEqualByComparingTo("0.5");
        // the ticker derived from the candle (same time) adds nothing
        assertThat(exitOrder(e)).isNull();
        e.bus().publish("paper", new io.cambist.api.model.Ticker("paper", ETH_BTC, null, null, null, null, d("0.1006"),
                venue.time() + 1));
        assertThat(exitOrder(e)).isNotNull();
        assertThat(exitOrder(e).tag()).isEqualTo("exit:takeProfit");
    }

    @Test
    void onlyOneExitIsInFlightAtATime() {
        List<Candle> market = candles("0.100 0.101 0.080 0.090", "0.090 0.091 0.080 0.085");
        TestVenue venue = Fixtures.venue(market);
        Engine e = Fixtures.inlineEngine(venue);
        Fixtures.instance(e, Fixtures.type("buyer", ExitRulesTest::buyer), "bot", Map.of("exit.stopLoss", "5"));
        venue.step();
        venue.step();
        // make the exit rest: the venue fills it only at the next step; publish another candle meanwhile
        e.bus().publish("paper", CandleData.candle(ETH_BTC, 90_000, "0.09", "0.09", "0.08", "0.085").withSource("paper"));
        long exits = e.orders().orders(OrderQuery.all()).stream().filter(o -> "exit:stopLoss".equals(o.tag())).count();
        assertThat(exits).isEqualTo(1);
    }

    @Test
    void exitStateStaysWithTheInstanceAcrossAHotSwap() {
        List<Candle> market = candles("0.100 0.103 0.100 0.1025", "0.1025 0.104 0.1025 0.1035",
                "0.1035 0.1036 0.1029 0.103", "0.103 0.103 0.102 0.102");
        TestVenue venue = Fixtures.venue(market);
        Engine e = Fixtures.inlineEngine(venue);
        StrategyType v1 = Fixtures.type("buyer", ExitRulesTest::buyer);
        StrategyInstance inst = Fixtures.instance(e, v1, "bot",
                Map.of("exit.trailingActivation", "2", "exit.trailingCallback", "1"));
        venue.step();
        venue.step();
        venue.step();
        assertThat(inst.exitArmed()).isTrue();
        assertThat(inst.exitHighest()).isEqualByComparingTo("0.104");
        e.runner().typeRemoved(v1);
        e.runner().typeAdded(new StrategyType("buyer", v1.factoryPid(), RecordingStrategy::new));
        assertThat(inst.exitArmed()).isTrue();
        assertThat(inst.exitHighest()).isEqualByComparingTo("0.104");
        venue.step(); // low 0.1029 <= 0.104 * 0.99 = 0.10296
        assertThat(exitOrder(e).tag()).isEqualTo("exit:trailingStop");
    }
}
