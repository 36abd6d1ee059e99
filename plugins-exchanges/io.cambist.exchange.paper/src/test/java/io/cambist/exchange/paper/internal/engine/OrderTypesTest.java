package io.cambist.exchange.paper.internal.engine;

import static io.cambist.exchange.paper.internal.engine.EngineFixture.BTC_USDT;
import static io.cambist.exchange.paper.internal.engine.EngineFixture.d;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;

/** Time in force (IOC, FOK, POST_ONLY), the volume limit with partial fills, and stop orders. */
class OrderTypesTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void iocExpiresWhenTheFirstCandleDoesNotReachTheLimit() {
        f.candle("100", "100", "100", "100");
        VenueOrder o = f.limit(Side.BUY, "1", "90", TimeInForce.IOC);
        f.candle("100", "101", "95", "97");

        VenueOrder after = f.order(o);
        assertThat(after.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(after.reason()).contains("IOC");
        assertThat(f.locked("USDT")).isEqualByComparingTo("0");
        assertThat(f.free("USDT")).isEqualByComparingTo("10000");
        f.candle("97", "98", "80", "85");
        assertThat(f.order(o).filledQuantity()).isEqualByComparingTo("0");
    }

    @Test
    void iocFillsWhenTheFirstCandleReachesTheLimit() {
        f.candle("100", "100", "100", "100");
        VenueOrder o = f.limit(Side.BUY, "1", "96", TimeInForce.IOC);
        f.candle("100", "101", "95", "97");
        assertThat(f.order(o).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.order(o).averagePrice()).isEqualByComparingTo("96");
    }

    @Test
    void withAVolumeLimitFokExpiresIocFillsPartlyAndGtcFillsOverSeveralCandles() {
        EngineFixture v = new EngineFixture(d("0.1"), d("0"));
        v.candle("100", "100", "100", "100", "10");
        VenueOrder fok = v.limit(Side.BUY, "2", "100", TimeInForce.FOK);
        v.candle("100", "100", "99", "100", "10"); // 1 BTC may trade in this candle
        assertThat(v.order(fok).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(v.order(fok).filledQuantity()).isEqualByComparingTo("0");
        assertThat(v.order(fok).reason()).contains("fill-or-kill").contains("only 1");

        VenueOrder ioc = v.limit(Side.BUY, "2", "100", TimeInForce.IOC);
        v.candle("100", "100", "99", "100", "10");
        assertThat(v.reports).extracting(ExecutionReport::order).extracting(VenueOrder::clientOrderId, VenueOrder::status)
                .contains(org.assertj.core.groups.Tuple.tuple(ioc.clientOrderId(), OrderStatus.PARTIALLY_FILLED),
                        org.assertj.core.groups.Tuple.tuple(ioc.clientOrderId(), OrderStatus.EXPIRED));
        assertThat(v.order(ioc).filledQuantity()).isEqualByComparingTo("1");

        VenueOrder gtc = v.limit(Side.BUY, "2", "100");
        v.candle("100", "100", "99", "100", "10");
        assertThat(v.order(gtc).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(v.order(gtc).filledQuantity()).isEqualByComparingTo("1");
        assertThat(v.locked("USDT")).isEqualByComparingTo("100.2"); // the rest: 1 x 100 x 1.002
        v.candle("100", "100", "99", "100", "10");
        assertThat(v.order(gtc).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(v.engine.fills(gtc.clientOrderId())).hasSize(2);
        assertThat(v.locked("USDT")).isEqualByComparingTo("0");
    }

    @Test
    void theAveragePriceFollowsEveryPartialFill() {
        EngineFixture v = new EngineFixture(d("0.1"), d("0"));
        v.candle("100", "100", "100", "100", "10");
        VenueOrder order = v.limit(Side.BUY, "3", "101");
        v.candle("100", "101", "99", "100", "10"); // opens below the limit: 1 BTC at the open
        assertThat(v.order(order).averagePrice()).isEqualByComparingTo("100");
        v.candle("100", "101", "99", "100", "10");
        assertThat(v.order(order).averagePrice()).isEqualByComparingTo("100");
        v.candle("101", "102", "100", "101", "10");
        VenueOrder done = v.order(order);
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        // 301 / 3 does not terminate: 34 significant digits
        assertThat(done.averagePrice()).isEqualByComparingTo(new java.math.BigDecimal("301").divide(
                new java.math.BigDecimal("3"), java.math.MathContext.DECIMAL128));
    }

    @Test
    void twoOrdersShareOneCandlesVolumeInPlacementOrder() {
        EngineFixture v = new EngineFixture(d("0.1"), d("0"));
        v.candle("100", "100", "100", "100", "10");
        VenueOrder first = v.marketBuy("0.75");
        VenueOrder second = v.marketBuy("0.75");
        v.candle("100", "100", "100", "100", "10");
        assertThat(v.order(first).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(v.order(second).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(v.order(second).filledQuantity()).isEqualByComparingTo("0.25");
    }

    @Test
    void postOnlyThatWouldTakeIsRejectedAndAGappedPostOnlyFillsAtItsLimitAsMaker() {
        f.candle("100", "100", "100", "100");
        VenueOrder taking = f.limit(Side.BUY, "1", "100", TimeInForce.POST_ONLY);
        assertThat(taking.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(taking.reason()).isEqualTo("post-only buy at 100 would take liquidity: the market is at 100");
        assertThat(f.locked("USDT")).isEqualByComparingTo("0");

        VenueOrder resting = f.limit(Side.BUY, "1", "95", TimeInForce.POST_ONLY);
        assertThat(resting.status()).isEqualTo(OrderStatus.NEW);
        f.candle("93", "94", "92", "93");
        Fill fill = f.lastReport().fill();
        assertThat(fill.price()).isEqualByComparingTo("95");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
    }

    @Test
    void stopMarketBuyTriggersWhenTheHighReachesTheStopAndFillsAtTheStop() {
        f.candle("100", "100", "100", "100");
        VenueOrder o = f.place(OrderRequest.stopMarket(BTC_USDT, Side.BUY, d("1"), d("105")));
        f.candle("100", "104", "99", "103");
        assertThat(f.order(o).status()).isEqualTo(OrderStatus.NEW);
        Candle c = f.candle("103", "106", "102", "104");
        Fill fill = f.lastReport().fill();
        assertThat(fill.price()).isEqualByComparingTo("105");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(fill.time()).isEqualTo(c.time());
    }

    @Test
    void stopMarketGappedThroughFillsAtTheOpen() {
        f.candle("100", "100", "100", "100");
        f.place(OrderRequest.stopMarket(BTC_USDT, Side.SELL, d("1"), d("95")));
        Candle c = f.candle("90", "92", "89", "91");
        Fill fill = f.lastReport().fill();
        assertThat(fill.price()).isEqualByComparingTo("90");
        assertThat(fill.time()).isEqualTo(c.openTime());
        assertThat(f.free("BTC")).isEqualByComparingTo("0");
    }

    @Test
    void stopLimitFillsAtTheTriggerWhenMarketableElseRestsAsALimit() {
        f.candle("100", "100", "100", "100");
        VenueOrder marketable = f.place(new OrderRequest(null, BTC_USDT, Side.BUY, OrderType.STOP_LIMIT, d("1"), null,
                d("106"), d("105"), null, null, null));
        VenueOrder resting = f.place(new OrderRequest(null, BTC_USDT, Side.BUY, OrderType.STOP_LIMIT, d("1"), null,
                d("104"), d("105"), null, null, null));
        f.candle("100", "107", "100", "106");
        assertThat(f.order(marketable).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.order(marketable).averagePrice()).isEqualByComparingTo("105");
        assertThat(f.order(resting).status()).isEqualTo(OrderStatus.NEW);

        f.candle("106", "106", "103", "104");
        assertThat(f.order(resting).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.order(resting).averagePrice()).isEqualByComparingTo("104");
        assertThat(f.lastReport().fill().liquidity()).isEqualTo(Liquidity.MAKER);
    }
}
