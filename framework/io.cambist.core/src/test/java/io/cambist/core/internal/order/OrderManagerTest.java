package io.cambist.core.internal.order;

import static io.cambist.core.internal.testing.Fixtures.ETH_BTC;
import static io.cambist.core.internal.testing.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.Fill;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderQuery;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.core.internal.engine.Engine;
import io.cambist.core.internal.testing.CandleData;
import io.cambist.core.internal.testing.Fixtures;
import io.cambist.core.internal.testing.RecordingStrategy;
import io.cambist.core.internal.testing.TestVenue;

class OrderManagerTest {

    private static List<Candle> market() {
        return List.of(CandleData.candle(ETH_BTC, 0, "0.100", "0.101", "0.099", "0.100"),
                CandleData.candle(ETH_BTC, 60_000, "0.102", "0.103", "0.098", "0.099"),
                CandleData.candle(ETH_BTC, 120_000, "0.097", "0.099", "0.094", "0.095"),
                CandleData.candle(ETH_BTC, 180_000, "0.096", "0.097", "0.095", "0.096"));
    }

    private static OrderRequest operator(OrderRequest r) {
        return r.withAccount("paper");
    }

    @Test
    void everyTransitionReachesTheStrategyAndAMarketOrderFillsAtTheNextOpen() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        RecordingStrategy s = new RecordingStrategy();
        s.candleHook = (me, c) -> {
            if (me.candles() == 1) {
                me.ctx.submit(OrderRequest.market(ETH_BTC, Side.BUY, d("2")));
            }
        };
        Fixtures.instance(engine, Fixtures.type("rec", () -> s), "demo", Map.of());
        venue.step();
        venue.step();
        assertThat(Fixtures.transitions(s.events)).containsExactly("PENDING_NEW<-null", "NEW<-PENDING_NEW",
                "FILLED<-NEW+fill");
        Order o = engine.orders().orders(OrderQuery.ofStrategy("demo", false)).get(0);
        assertThat(o.averagePrice()).isEqualByComparingTo("0.102");
        assertThat(o.filledQuantity()).isEqualByComparingTo("2");
        assertThat(o.fees()).isEqualByComparingTo("0.000204");
        assertThat(o.strategyId()).isEqualTo("demo");
        assertThat(o.clientOrderId().value()).hasSizeLessThanOrEqualTo(18);
        assertThat(engine.portfolio().total("paper", "BTC")).isEqualByComparingTo("0.795796");
        assertThat(engine.portfolio().total("paper", "ETH")).isEqualByComparingTo("2");
        assertThat(venue.total("BTC")).isEqualByComparingTo(engine.portfolio().total("paper", "BTC"));
        assertThat(s.ctx.position().quantity()).isEqualByComparingTo("2");
        assertThat(s.ctx.position().averageEntryPrice()).isEqualByComparingTo("0.102");
    }

    @Test
    void theSameClientOrderIdTwiceReturnsTheExistingOrderAndIsSentOnce() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        OrderRequest r = operator(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.095")))
                .withClientOrderId(ClientOrderId.of("my-order-1"));
        Order first = engine.orders().submit(null, r);
        Order again = engine.orders().submit(null, r.withQuantity(d("5")));
        assertThat(again.clientOrderId()).isEqualTo(first.clientOrderId());
        assertThat(again.quantity()).isEqualByComparingTo("1");
        assertThat(venue.placeCalls()).isEqualTo(1);
        assertThat(engine.orders().orders(OrderQuery.all())).hasSize(1);
    }

    @Test
    void localChecksRefuseOrdersThatBreakTheInstrumentsRulesNamingTheRule() {
        TestVenue venue = Fixtures.venue(market()).withSpec(new InstrumentSpec(ETH_BTC, "ETHBTC", d("0.0001"),
                d("0.01"), d("0.1"), d("1000"), d("0.02"), true));
        Engine engine = Fixtures.inlineEngine(venue);
        venue.step();
        Order small = engine.orders().submit(null, operator(OrderRequest.market(ETH_BTC, Side.BUY, d("0.05"))));
        assertThat(small.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(small.reason()).isEqualTo("quantity 0.05 below LOT_SIZE minimum 0.1 for ETHBTC");
        Order tick = engine.orders().submit(null, operator(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.09995"))));
        assertThat(tick.reason()).contains("PRICE_FILTER");
        Order notional = engine.orders().submit(null, operator(OrderRequest.limit(ETH_BTC, Side.BUY, d("0.1"), d("0.04"))));
        assertThat(notional.reason()).isEqualTo("notional 0.004 below MIN_NOTIONAL 0.02 for ETHBTC");
        Order marketNotional = engine.orders().submit(null, operator(OrderRequest.market(ETH_BTC, Side.BUY, d("0.1"))));
        assertThat(marketNotional.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(marketNotional.reason()).isEqualTo("notional 0.01 below MIN_NOTIONAL 0.02 for ETHBTC");
        assertThat(venue.placeCalls()).isZero();
    }

    @Test
    void anOrderTheVenueCannotTakeIsRefusedByCapability() {
        TestVenue venue = Fixtures.venue(market()).withCapabilities(EnumSet.of(Capability.MARKET_ORDER,
                Capability.LIMIT_ORDER, Capability.QUERY_ORDER, Capability.CANCEL_ORDER));
        Engine engine = Fixtures.inlineEngine(venue);
        Order quote = engine.orders().submit(null, operator(OrderRequest.marketQuote(ETH_BTC, Side.BUY, d("0.5"))));
        assertThat(quote.reason()).isEqualTo("account 'paper' (test) does not support market orders sized by quote"
                + " amount (MARKET_ORDER_BY_QUOTE)");
        Order ioc = engine.orders().submit(null, operator(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.09"))
                .withTimeInForce(TimeInForce.IOC)));
        assertThat(ioc.reason()).contains("(IOC_FOK)");
        Order stop = engine.orders().submit(null, operator(OrderRequest.stopMarket(ETH_BTC, Side.SELL, d("1"), d("0.09"))));
        assertThat(stop.reason()).contains("(STOP_ORDER)");
    }

    @Test
    void aMarketBuyByQuoteAmountSpendsTheAmountIncludingTheFee() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        venue.step();
        Order o = engine.orders().submit(null, operator(OrderRequest.marketQuote(ETH_BTC, Side.BUY, d("0.5"))));
        assertThat(o.quantity()).isNull();
        assertThat(o.quoteQuantity()).isEqualByComparingTo("0.5");
        assertThat(engine.portfolio().balance("paper", "BTC").locked()).isEqualByComparingTo("0.5");
        venue.step();
        Order filled = engine.orders().order(o.clientOrderId()).orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        // 0.5 / (0.102 * 1.001), 16 significant digits rounded down
        assertThat(filled.filledQuantity()).isEqualByComparingTo("4.897063720593132");
        assertThat(filled.quantity()).isEqualByComparingTo(filled.filledQuantity());
        assertThat(engine.portfolio().total("paper", "BTC")).isBetween(d("0.4999999"), d("0.5000001"));
        assertThat(engine.portfolio().balance("paper", "BTC").locked()).isEqualByComparingTo("0");
    }

    @Test
    void aRestingLimitLocksFundsAndACancelReleasesThem() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        RecordingStrategy s = new RecordingStrategy();
        s.candleHook = (me, c) -> {
            if (me.candles() == 1) {
                me.ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("3"), d("0.090")));
            }
        };
        Fixtures.instance(engine, Fixtures.type("rec", () -> s), "demo", Map.of());
        venue.step();
        venue.step();
        assertThat(s.ctx.openOrders()).hasSize(1);
        assertThat(s.ctx.balance("BTC").locked()).isEqualByComparingTo("0.27");
        assertThat(s.ctx.balance("BTC").free()).isEqualByComparingTo("0.73");
        Order open = s.ctx.openOrders().get(0);
        s.ctx.cancel(open.clientOrderId());
        assertThat(Fixtures.transitions(s.events)).containsExactly("PENDING_NEW<-null", "NEW<-PENDING_NEW",
                "CANCELED<-NEW");
        assertThat(s.ctx.openOrders()).isEmpty();
        assertThat(s.ctx.balance("BTC").free()).isEqualByComparingTo("1");
        assertThat(venue.status(open.clientOrderId())).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aLimitFillsWhenALaterLowReachesIt() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        venue.step();
        Order o = engine.orders().submit(null, operator(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.095"))));
        venue.step(); // low 0.098: not reached
        assertThat(engine.orders().order(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        venue.step(); // opens 0.097, low 0.094: fills at the limit
        Order filled = engine.orders().order(o.clientOrderId()).orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.averagePrice()).isEqualByComparingTo("0.095");
    }

    @Test
    void theVenuesRefusalReachesTheStrategyAsRejected() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        RecordingStrategy s = new RecordingStrategy();
        s.candleHook = (me, c) -> me.ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("100"), d("0.1")));
        Fixtures.instance(engine, Fixtures.type("rec", () -> s), "demo", Map.of());
        venue.step();
        assertThat(Fixtures.transitions(s.events)).containsExactly("PENDING_NEW<-null", "REJECTED<-PENDING_NEW");
        Order o = engine.orders().orders(OrderQuery.all()).get(0);
        assertThat(o.reason()).isEqualTo("insufficient balance: need 10.0 BTC, have 1");
    }

    @Test
    void aLostAnswerIsSettledByQueryAndTheOrderIsNeverSentTwice() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        venue.step();
        venue.acceptThenFailNextPlace(new ExchangeUnavailableException("read timed out", (String) null));
        Order taken = engine.orders().submit(null, operator(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.09"))));
        assertThat(engine.orders().order(taken.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        venue.failNextPlace(new ExchangeUnavailableException("connection reset", (String) null));
        Order lost = engine.orders().submit(null, operator(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.08"))));
        Order settled = engine.orders().order(lost.clientOrderId()).orElseThrow();
        assertThat(settled.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(settled.reason()).contains("connection reset").contains("not re-sent");
        assertThat(venue.placeCalls()).isEqualTo(2);
        assertThat(venue.orderCount()).isEqualTo(1);
    }

    @Test
    void ordersForAnAccountWithoutConnectorAreRefusedClearly() {
        Engine engine = Fixtures.inlineEngine(Fixtures.venue(market()));
        Order o = engine.orders().submit(null, OrderRequest.market(ETH_BTC, Side.BUY, d("1")).withAccount("binance-main"));
        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(o.reason()).isEqualTo("account 'binance-main' has no exchange connector: install and configure its"
                + " exchange bundle");
        assertThatThrownBy(() -> engine.orders().submit(null, OrderRequest.market(ETH_BTC, Side.BUY, d("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an account");
        assertThatThrownBy(() -> engine.orders().submit("nobody", OrderRequest.market(ETH_BTC, Side.BUY, d("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no strategy instance 'nobody'");
        assertThatThrownBy(() -> engine.orders().cancel(ClientOrderId.of("nope")))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aFillReportedTwiceIsCountedOnce() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        venue.step();
        Order o = engine.orders().submit(null, operator(OrderRequest.market(ETH_BTC, Side.BUY, d("1"))));
        venue.step();
        Fill fill = venue.fills(ETH_BTC, o.clientOrderId()).get(0);
        VenueOrder state = venue.query(ETH_BTC, o.clientOrderId()).orElseThrow();
        engine.orders().onExecution(new ExecutionReport("paper", state, fill));
        engine.orders().onExecution(new ExecutionReport("paper", state, fill));
        assertThat(engine.portfolio().total("paper", "ETH")).isEqualByComparingTo("1");
        assertThat(engine.portfolio().position("paper", ETH_BTC).orElseThrow().quantity()).isEqualByComparingTo("1");
        assertThat(engine.orders().order(o.clientOrderId()).orElseThrow().filledQuantity()).isEqualByComparingTo("1");
    }

    @Test
    void queriesFilterAndListNewestFirst() {
        TestVenue venue = Fixtures.venue(market());
        Engine engine = Fixtures.inlineEngine(venue);
        Order a = engine.orders().submit(null, operator(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.05"))));
        venue.step();
        Order b = engine.orders().submit(null, operator(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.06"))));
        engine.orders().cancel(a.clientOrderId());
        assertThat(engine.orders().orders(OrderQuery.all())).extracting(Order::clientOrderId)
                .containsExactly(b.clientOrderId(), a.clientOrderId());
        assertThat(engine.orders().orders(OrderQuery.open())).extracting(Order::clientOrderId)
                .containsExactly(b.clientOrderId());
        assertThat(engine.orders().orders(new OrderQuery("paper", null, ETH_BTC, false, 1))).hasSize(1);
        assertThat(engine.orders().orders(new OrderQuery("other", null, null, false, 0))).isEmpty();
        assertThat(b.type()).isEqualTo(OrderType.LIMIT);
        assertThat(engine.orders().newClientOrderId()).isNotEqualTo(engine.orders().newClientOrderId());
        assertThat(BigDecimal.ONE).isNotNull();
    }
}
