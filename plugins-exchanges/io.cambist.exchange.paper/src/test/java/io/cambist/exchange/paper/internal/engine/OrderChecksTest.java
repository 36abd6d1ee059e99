package io.cambist.exchange.paper.internal.engine;

import static io.cambist.exchange.paper.internal.engine.EngineFixture.BTC_USDT;
import static io.cambist.exchange.paper.internal.engine.EngineFixture.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Side;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;

/** Balances, instrument rules and client order id idempotency. */
class OrderChecksTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void anOrderTheBalanceCannotPayForIsRejectedWithWhatWasNeeded() {
        f.candle("100", "100", "100", "100");
        VenueOrder buy = f.limit(Side.BUY, "200", "100");
        assertThat(buy.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(buy.reason()).isEqualTo("insufficient balance: need 20040 USDT, have 10000");
        assertThat(f.lastReport().order().status()).isEqualTo(OrderStatus.REJECTED);

        VenueOrder sell = f.limit(Side.SELL, "5", "100");
        assertThat(sell.reason()).isEqualTo("insufficient balance: need 5 BTC, have 1");
        assertThat(f.free("USDT")).isEqualByComparingTo("10000");
        assertThat(f.locked("USDT")).isEqualByComparingTo("0");
        assertThat(f.engine.openOrders()).isEmpty();
    }

    @Test
    void aMarketBuyIsRejectedAtTheFillWhenThePriceJumpedBeyondTheBalance() {
        f.candle("100", "100", "100", "100");
        VenueOrder o = f.marketBuy("99");
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
        f.candle("110", "111", "109", "110");
        VenueOrder after = f.order(o);
        assertThat(after.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(after.reason()).isEqualTo("insufficient balance: need 10911.78 USDT, have 10000");
        assertThat(f.free("USDT")).isEqualByComparingTo("10000");
        assertThat(f.free("BTC")).isEqualByComparingTo("1");
    }

    @Test
    void aMarketOrderBeforeAnyPriceIsRejectedWithTheReason() {
        VenueOrder o = f.marketBuy("1");
        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(o.reason()).startsWith("no market price yet");
    }

    @Test
    void theSameClientOrderIdNeverCreatesASecondOrder() {
        f.candle("100", "100", "100", "100");
        OrderRequest r = OrderRequest.limit(BTC_USDT, Side.BUY, d("1"), d("90")).withClientOrderId(ClientOrderId.of("x1"));
        VenueOrder first = f.place(r);
        VenueOrder again = f.place(r);
        assertThat(again).isEqualTo(first);
        assertThat(f.engine.openOrders()).hasSize(1);
        assertThat(f.locked("USDT")).isEqualByComparingTo("90.18");
        assertThat(f.reports).hasSize(1);

        OrderRequest other = OrderRequest.limit(BTC_USDT, Side.BUY, d("2"), d("90")).withClientOrderId(ClientOrderId.of("x1"));
        assertThatThrownBy(() -> f.place(other)).isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("client order id x1 is already used");
    }

    @Test
    void ordersBreakingTheInstrumentRulesAreRefusedNamingTheRule() {
        f.candle("100", "100", "100", "100");
        assertThatThrownBy(() -> f.limit(Side.BUY, "1", "100.001")).isInstanceOf(InvalidOrderException.class)
                .hasMessage("price 100.001 is not a multiple of tick size 0.01 (PRICE_FILTER) for BTCUSDT");
        assertThatThrownBy(() -> f.place(OrderRequest.limit(Instrument.of("ETH", "USDT"), Side.BUY, d("1"), d("10"))))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("it trades BTC/USDT");
        assertThatThrownBy(() -> f.engine.place(OrderRequest.limit(BTC_USDT, Side.BUY, d("1"), d("10")), 0))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("no client order id");
        assertThat(f.reports).isEmpty();
        assertThat(f.engine.allOrders()).isEmpty();
    }

    @Test
    void cancelOfAnUnknownIdFailsAndCancelOfAFilledOrderChangesNothing() {
        assertThatThrownBy(() -> f.engine.cancel(ClientOrderId.of("nope"), 0)).isInstanceOf(OrderNotFoundException.class)
                .hasMessageContaining("nope");
        f.candle("100", "100", "100", "100");
        VenueOrder o = f.marketBuy("1");
        f.candle("100", "100", "100", "100");
        int reports = f.reports.size();
        assertThat(f.engine.cancel(o.clientOrderId(), f.now()).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.reports).hasSize(reports);
    }

    @Test
    void minimumNotionalAppliesToQuoteAmounts() {
        MatchingEngine e = new MatchingEngine(new EngineSettings("paper", new io.cambist.api.model.InstrumentSpec(BTC_USDT,
                "BTCUSDT", d("0.01"), d("0"), d("0"), null, d("10"), true), d("0"), d("0"), d("0"), ""),
                ChangeTracker.NONE);
        assertThatThrownBy(() -> e.place(OrderRequest.marketQuote(BTC_USDT, Side.BUY, d("5"))
                .withClientOrderId(ClientOrderId.of("q")), 0)).isInstanceOf(InvalidOrderException.class)
                .hasMessage("quote amount 5 below MIN_NOTIONAL 10 for BTCUSDT");
    }
}
