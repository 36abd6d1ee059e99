package io.cambist.core.internal.risk;

import static io.cambist.core.internal.testing.Fixtures.ETH_BTC;
import static io.cambist.core.internal.testing.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.risk.OrderIntent;
import io.cambist.api.risk.RiskContext;
import io.cambist.api.risk.RiskDecision;
import io.cambist.api.risk.RiskRule;
import io.cambist.api.strategy.StrategyState;
import io.cambist.core.internal.engine.Engine;
import io.cambist.core.internal.testing.CandleData;
import io.cambist.core.internal.testing.Fixtures;
import io.cambist.core.internal.testing.RecordingStrategy;
import io.cambist.core.internal.testing.TestVenue;

class RiskRulesTest {

    private static List<Candle> market() {
        return List.of(CandleData.candle(ETH_BTC, 0, "0.100", "0.101", "0.099", "0.100"),
                CandleData.candle(ETH_BTC, 60_000, "0.102", "0.103", "0.098", "0.099"),
                CandleData.candle(ETH_BTC, 120_000, "0.097", "0.099", "0.094", "0.095"),
                CandleData.candle(ETH_BTC, 180_000, "0.096", "0.097", "0.095", "0.096"));
    }

    private static Order submit(RecordingStrategy s, OrderRequest r) {
        return s.ctx.submit(r);
    }

    private static RecordingStrategy started(Engine engine, TestVenue venue, Map<String, String> params) {
        RecordingStrategy s = new RecordingStrategy();
        Fixtures.instance(engine, Fixtures.type("rec", () -> s), "bot", params);
        venue.step();
        return s;
    }

    private static List<String> rejections(RecordingStrategy s) {
        return s.events.stream().filter(OrderEvent.class::isInstance).map(OrderEvent.class::cast)
                .filter(e -> e.status() == OrderStatus.REJECTED).map(e -> e.order().reason()).toList();
    }

    @Test
    void maxOrderNotionalComesFromTheGlobalLimitAndInstancesOverrideIt() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        engine.riskLimits(new RiskLimits(d("0.2"), null, null, null));
        RecordingStrategy s = started(engine, venue, Map.of());
        assertThat(submit(s, OrderRequest.market(ETH_BTC, Side.BUY, d("3"))).reason())
                .isEqualTo("max-order-notional: order notional 0.3 BTC above the limit 0.2 BTC");
        assertThat(submit(s, OrderRequest.marketQuote(ETH_BTC, Side.BUY, d("0.15"))).status())
                .isEqualTo(OrderStatus.PENDING_NEW);
        assertThat(rejections(s)).containsExactly("max-order-notional: order notional 0.3 BTC above the limit 0.2 BTC");

        TestVenue venue2 = Fixtures.venue(market());
        Engine other = Fixtures.inlineEngine(venue2);
        other.riskLimits(new RiskLimits(d("0.2"), null, null, null));
        RecordingStrategy off = started(other, venue2, Map.of("risk.maxOrderNotional", "0"));
        assertThat(submit(off, OrderRequest.market(ETH_BTC, Side.BUY, d("3"))).status()).isEqualTo(OrderStatus.PENDING_NEW);
    }

    @Test
    void maxPositionRefusesGrowthBeyondTheLimitButNeverAReduction() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        RecordingStrategy s = started(engine, venue, Map.of("risk.maxPosition", "5"));
        submit(s, OrderRequest.market(ETH_BTC, Side.BUY, d("4")));
        venue.step();
        Order more = submit(s, OrderRequest.market(ETH_BTC, Side.BUY, d("2")));
        assertThat(more.reason()).isEqualTo("max-position: position would be 6 ETH, beyond the limit 5 ETH");
        assertThat(submit(s, OrderRequest.market(ETH_BTC, Side.BUY, d("1"))).status()).isEqualTo(OrderStatus.PENDING_NEW);
        assertThat(submit(s, OrderRequest.market(ETH_BTC, Side.SELL, d("3"))).status()).isEqualTo(OrderStatus.PENDING_NEW);
    }

    @Test
    void maxOpenOrdersCountsTheInstancesOpenOrders() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        RecordingStrategy s = started(engine, venue, Map.of("risk.maxOpenOrders", "2"));
        submit(s, OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.05")));
        submit(s, OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.06")));
        assertThat(submit(s, OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.07"))).reason())
                .isEqualTo("max-open-orders: 2 orders already open, the limit is 2");
    }

    @Test
    void theDailyLossLimitHaltsTheInstanceAndCancelsItsOrdersButLetsItReduce() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        RecordingStrategy s = started(engine, venue, Map.of("risk.dailyLossLimit", "0.005"));
        submit(s, OrderRequest.market(ETH_BTC, Side.BUY, d("2")));
        venue.step(); // bought 2 at 0.102
        submit(s, OrderRequest.market(ETH_BTC, Side.SELL, d("1")));
        Order resting = submit(s, OrderRequest.limit(ETH_BTC, Side.SELL, d("1"), d("0.2")));
        venue.step(); // sold 1 at 0.097: realized -0.005 - fees
        assertThat(engine.portfolio().realizedToday("bot", venue.time())).isLessThan(d("-0.005"));
        Order reduce = submit(s, OrderRequest.market(ETH_BTC, Side.SELL, d("0.5")));
        assertThat(reduce.status()).as("reducing passes").isEqualTo(OrderStatus.PENDING_NEW);
        Order buy = submit(s, OrderRequest.market(ETH_BTC, Side.BUY, d("1")));
        assertThat(buy.status()).isEqualTo(OrderStatus.REJECTED);
        // (0.097 - 0.102) * 1 - fees 0.000204 - 0.000097
        assertThat(buy.reason()).isEqualTo("daily-loss-limit: realized loss today 0.005301 BTC reached the limit 0.005 BTC");
        var status = engine.runner().instance("bot").orElseThrow();
        assertThat(status.state()).isEqualTo(StrategyState.HALTED);
        assertThat(status.reason()).isEqualTo(buy.reason());
        assertThat(engine.orders().order(resting.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(submit(s, OrderRequest.market(ETH_BTC, Side.SELL, d("0.1"))).reason())
                .startsWith("strategy instance bot is HALTED: daily-loss-limit");
    }

    @Test
    void pluggedRulesShrinkAndARuleThatThrowsRefusesTheOrder() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        RiskRule shrink = new RiskRule() {
            @Override
            public String name() {
                return "half";
            }

            @Override
            public RiskDecision check(OrderIntent intent, RiskContext context) {
                var q = intent.request().quantity();
                return q != null && q.compareTo(d("2")) > 0 ? new RiskDecision.Shrink("half", d("2"), "at most 2")
                        : RiskDecision.ACCEPT;
            }
        };
        engine.addRiskRule(shrink);
        RecordingStrategy s = started(engine, venue, Map.of());
        Order o = submit(s, OrderRequest.market(ETH_BTC, Side.BUY, d("7")));
        assertThat(o.quantity()).isEqualByComparingTo("2");
        RiskRule broken = new RiskRule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public RiskDecision check(OrderIntent intent, RiskContext context) {
                throw new IllegalStateException("boom");
            }
        };
        engine.addRiskRule(broken);
        assertThat(submit(s, OrderRequest.market(ETH_BTC, Side.BUY, d("1"))).reason())
                .isEqualTo("broken: rule failed: java.lang.IllegalStateException: boom");
        engine.removeRiskRule(broken);
        assertThat(submit(s, OrderRequest.market(ETH_BTC, Side.BUY, d("1"))).status()).isEqualTo(OrderStatus.PENDING_NEW);
        assertThat(engine.risk().ruleNames()).containsExactly("max-order-notional", "max-position", "max-open-orders",
                "daily-loss-limit", "half");
    }

    @Test
    void theKillSwitchHaltsAndCancelsEverything() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        RecordingStrategy s = started(engine, venue, Map.of());
        Order a = submit(s, OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.05")));
        Order operator = engine.orders().submit(null, OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.04"))
                .withAccount("paper"));
        var statuses = engine.runner().haltAll("panic");
        assertThat(statuses).allSatisfy(st -> assertThat(st.state()).isEqualTo(StrategyState.HALTED));
        assertThat(statuses.get(0).reason()).isEqualTo("panic");
        assertThat(engine.orders().order(a.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(engine.orders().order(operator.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        int before = s.candles();
        venue.step();
        assertThat(s.candles()).as("a halted instance gets no events").isEqualTo(before);
        engine.runner().resume("bot");
        venue.step();
        assertThat(s.candles()).isEqualTo(before + 1);
        assertThat(engine.runner().instance("bot").orElseThrow().state()).isEqualTo(StrategyState.RUNNING);
    }
}
