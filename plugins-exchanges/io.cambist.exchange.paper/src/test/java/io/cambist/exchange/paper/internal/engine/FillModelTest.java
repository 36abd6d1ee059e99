package io.cambist.exchange.paper.internal.engine;

import static io.cambist.exchange.paper.internal.engine.EngineFixture.BTC_USDT;
import static io.cambist.exchange.paper.internal.engine.EngineFixture.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.Side;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;

/** The fill model: when, at what price and with which fee market and limit orders fill. */
class FillModelTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void marketOrderPlacedAtCandleIFillsAtOpenOfCandleIPlusOneAsTaker() {
        f.candle("99", "100", "98", "100");
        VenueOrder placed = f.marketBuy("2");
        assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
        assertThat(f.locked("USDT")).isEqualByComparingTo("200.4"); // 2 x last close 100 x (1 + 0.002)

        Candle next = f.candle("101", "103", "100", "102");

        VenueOrder filled = f.order(placed);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.averagePrice()).isEqualByComparingTo("101");
        Fill fill = f.lastReport().fill();
        assertThat(fill.price()).isEqualByComparingTo("101");
        assertThat(fill.quantity()).isEqualByComparingTo("2");
        assertThat(fill.fee()).isEqualByComparingTo("0.404"); // 202 x 0.002
        assertThat(fill.feeCurrency()).isEqualTo("USDT");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(fill.time()).isEqualTo(next.openTime());
        assertThat(f.free("USDT")).isEqualByComparingTo("9797.596");
        assertThat(f.locked("USDT")).isEqualByComparingTo("0");
        assertThat(f.free("BTC")).isEqualByComparingTo("3");
    }

    @Test
    void everyChangeIsAReportAndEveryFillHasItsOwnTradeId() {
        f.candle("100", "100", "100", "100");
        VenueOrder a = f.marketBuy("1");
        VenueOrder b = f.marketBuy("1");
        f.candle("100", "101", "99", "100");

        assertThat(f.reports).extracting(r -> r.order().clientOrderId().value() + ":" + r.order().status())
                .containsExactly("c1:NEW", "c2:NEW", "c1:FILLED", "c2:FILLED");
        assertThat(f.reports).allMatch(r -> r.account().equals("paper"));
        assertThat(f.engine.fills(a.clientOrderId()).get(0).tradeId())
                .isNotEqualTo(f.engine.fills(b.clientOrderId()).get(0).tradeId());
    }

    @Test
    void buyLimitReachedByTheLowFillsAtTheLimitAsMaker() {
        f.candle("100", "100", "100", "100");
        VenueOrder o = f.limit(Side.BUY, "1", "95");
        Candle c = f.candle("100", "101", "94", "96");

        Fill fill = f.lastReport().fill();
        assertThat(f.order(o).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fill.price()).isEqualByComparingTo("95");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(fill.fee()).isEqualByComparingTo("0.095"); // 95 x 0.001
        assertThat(fill.time()).isEqualTo(c.time());
        assertThat(f.free("USDT")).isEqualByComparingTo("9904.905");
        assertThat(f.locked("USDT")).isEqualByComparingTo("0");
    }

    @Test
    void buyLimitGappedThroughFillsAtTheOpenAsTaker() {
        f.candle("100", "100", "100", "100");
        f.limit(Side.BUY, "1", "95");
        Candle c = f.candle("93", "94", "92", "93");

        Fill fill = f.lastReport().fill();
        assertThat(fill.price()).isEqualByComparingTo("93");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(fill.fee()).isEqualByComparingTo("0.186");
        assertThat(fill.time()).isEqualTo(c.openTime());
    }

    @Test
    void limitNeverReachedRestsWithItsFundsLockedUntilCancelled() {
        f.candle("100", "100", "100", "100");
        VenueOrder o = f.limit(Side.BUY, "1", "90");
        f.candle("100", "102", "91", "95");
        f.candle("95", "96", "90.01", "95");

        assertThat(f.order(o).status()).isEqualTo(OrderStatus.NEW);
        assertThat(f.engine.openOrders()).extracting(VenueOrder::clientOrderId).containsExactly(o.clientOrderId());
        assertThat(f.locked("USDT")).isEqualByComparingTo("90.18"); // 90 x (1 + the higher fee, 0.002)
        assertThat(f.free("USDT")).isEqualByComparingTo("9909.82");

        VenueOrder cancelled = f.engine.cancel(o.clientOrderId(), f.now());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(f.lastReport().order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(f.locked("USDT")).isEqualByComparingTo("0");
        assertThat(f.free("USDT")).isEqualByComparingTo("10000");
        assertThat(f.engine.openOrders()).isEmpty();
    }

    @Test
    void sellLimitsFillSymmetrically() {
        f.candle("100", "100", "100", "100");
        f.limit(Side.SELL, "0.5", "110");
        assertThat(f.locked("BTC")).isEqualByComparingTo("0.5");
        f.candle("100", "111", "99", "105");
        Fill touched = f.lastReport().fill();
        assertThat(touched.price()).isEqualByComparingTo("110");
        assertThat(touched.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(f.free("USDT")).isEqualByComparingTo("10054.945"); // 55 - 0.055

        f.limit(Side.SELL, "0.5", "110");
        f.candle("112", "113", "111", "112");
        Fill gapped = f.lastReport().fill();
        assertThat(gapped.price()).isEqualByComparingTo("112");
        assertThat(gapped.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(f.free("BTC")).isEqualByComparingTo("0");
        assertThat(f.locked("BTC")).isEqualByComparingTo("0");
    }

    @Test
    void marketBuyByQuoteAmountSpendsExactlyThatAmountIncludingTheFee() {
        f.candle("100", "100", "100", "100");
        f.place(OrderRequest.marketQuote(BTC_USDT, Side.BUY, d("1000")));
        assertThat(f.locked("USDT")).isEqualByComparingTo("1000");
        f.candle("101", "102", "100", "101");

        Fill fill = f.lastReport().fill();
        BigDecimal expected = d("1000").divide(d("101").multiply(d("1.002")), 18, RoundingMode.DOWN);
        assertThat(fill.quantity()).isEqualByComparingTo(expected);
        assertThat(f.free("USDT")).isEqualByComparingTo("9000");
        assertThat(f.locked("USDT")).isEqualByComparingTo("0");
        assertThat(f.free("BTC")).isEqualByComparingTo(BigDecimal.ONE.add(expected));
        assertThat(fill.notional().add(fill.fee())).isEqualByComparingTo("1000");
        assertThat(fill.fee().subtract(fill.notional().multiply(d("0.002"))).abs()).isLessThan(d("1e-15"));
        assertThat(f.lastReport().order().quantity()).isEqualByComparingTo(expected);
    }

    @Test
    void marketSellByQuoteAmountReceivesExactlyThatAmountNetOfTheFee() {
        f.candle("100", "100", "100", "100");
        f.place(OrderRequest.marketQuote(BTC_USDT, Side.SELL, d("50")));
        f.candle("100", "101", "99", "100");

        Fill fill = f.lastReport().fill();
        BigDecimal expected = d("50").divide(d("100").multiply(d("0.998")), 18, RoundingMode.UP);
        assertThat(fill.quantity()).isEqualByComparingTo(expected);
        assertThat(f.free("USDT")).isEqualByComparingTo("10050");
        assertThat(f.free("BTC")).isEqualByComparingTo(BigDecimal.ONE.subtract(expected));
        assertThat(f.locked("BTC")).isEqualByComparingTo("0");
    }

    @Test
    void quoteAmountWithAStepSizeBuysWholeStepsAndStillSpendsExactlyTheAmount() {
        EngineFixture stepped = new EngineFixture(BigDecimal.ZERO, d("0.001"));
        stepped.candle("100", "100", "100", "100");
        stepped.place(OrderRequest.marketQuote(BTC_USDT, Side.BUY, d("1000")));
        stepped.candle("101", "102", "100", "101");

        Fill fill = stepped.lastReport().fill();
        assertThat(fill.quantity()).isEqualByComparingTo("9.881"); // floor(1000 / 101.202, 0.001)
        assertThat(fill.notional().add(fill.fee())).isEqualByComparingTo("1000");
        assertThat(stepped.free("USDT")).isEqualByComparingTo("9000");
    }

    @Test
    void anOrderPlacedInReactionToAFillIsMatchedFromTheNextCandle() {
        f.engine.sink(r -> {
            f.reports.add(r);
            if (r.fill() != null && r.order().side() == Side.BUY) {
                f.place(OrderRequest.market(BTC_USDT, Side.SELL, r.fill().quantity()));
            }
        });
        f.candle("100", "100", "100", "100");
        f.marketBuy("1");
        f.candle("101", "105", "100", "104");
        assertThat(f.engine.openOrders()).hasSize(1);
        assertThat(f.engine.openOrders().get(0).side()).isEqualTo(Side.SELL);

        f.candle("106", "107", "105", "106");
        ExecutionReport sold = f.lastReport();
        assertThat(sold.order().side()).isEqualTo(Side.SELL);
        assertThat(sold.fill().price()).isEqualByComparingTo("106");
    }
}
