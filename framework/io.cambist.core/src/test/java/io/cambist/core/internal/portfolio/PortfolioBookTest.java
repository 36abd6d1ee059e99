package io.cambist.core.internal.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Side;
import io.cambist.api.order.Fill;

class PortfolioBookTest {

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    static final Instrument BTC_USDT = Instrument.of("BTC", "USDT");

    private static Fill fill(String id, Instrument i, Side side, String price, String qty, String fee, String feeCcy) {
        return new Fill(id, ClientOrderId.of("c1"), null, i, side, new BigDecimal(price), new BigDecimal(qty),
                new BigDecimal(fee), feeCcy, null, 1000);
    }

    @Test
    void fillsMoveBalancesAndBuildPositionsPerAccountAndInstance() {
        PortfolioBook book = new PortfolioBook(new LastPrices());
        book.seed("paper", List.of(Balance.of("BTC", BigDecimal.ONE), Balance.of("ETH", BigDecimal.ZERO)));
        Fill buy = fill("t1", ETH_BTC, Side.BUY, "0.1", "5", "0.0005", "BTC");
        book.applyFill("paper", "demo", buy, book.quoteFee("paper", buy), null, true);
        assertThat(book.total("paper", "BTC")).isEqualByComparingTo("0.4995");
        assertThat(book.total("paper", "ETH")).isEqualByComparingTo("5");
        assertThat(book.position("paper", ETH_BTC).orElseThrow().quantity()).isEqualByComparingTo("5");
        assertThat(book.strategyPosition("demo")).isPresent();
        assertThat(book.strategyPosition("demo").orElseThrow().averageEntryPrice()).isEqualByComparingTo("0.1");
        assertThat(book.equity("paper", "BTC")).hasValueSatisfying(e -> assertThat(e).isEqualByComparingTo("0.9995"));
        assertThat(book.positions()).hasSize(1);
    }

    @Test
    void equityConvertsEveryBalanceAtLastPricesOrIsUnknown() {
        LastPrices prices = new LastPrices();
        PortfolioBook book = new PortfolioBook(prices);
        book.seed("x", List.of(Balance.of("BTC", new BigDecimal("2")), Balance.of("USDT", new BigDecimal("1000")),
                Balance.of("ETH", new BigDecimal("3"))));
        prices.cell("x", BTC_USDT).set(new BigDecimal("20000"), 1);
        assertThat(book.equity("x", "USDT")).isEmpty();
        prices.cell("x", Instrument.of("ETH", "USDT")).set(new BigDecimal("1500"), 1);
        assertThat(book.equity("x", "USDT").orElseThrow()).isEqualByComparingTo("45500");
        assertThat(book.equity("x", "BTC")).as("no ETH/BTC price").isEmpty();
        prices.cell("x", ETH_BTC).set(new BigDecimal("0.075"), 1);
        assertThat(book.equity("x", "BTC").orElseThrow()).isEqualByComparingTo("2.275");
    }

    @Test
    void lockedFundsComeFromTheCoresOpenOrders() {
        PortfolioBook book = new PortfolioBook(new LastPrices());
        book.seed("p", List.of(Balance.of("BTC", BigDecimal.ONE)));
        book.lockedFunds((account, currency) -> currency.equals("BTC") ? new BigDecimal("0.3") : BigDecimal.ZERO);
        Balance b = book.balance("p", "BTC");
        assertThat(b.free()).isEqualByComparingTo("0.7");
        assertThat(b.locked()).isEqualByComparingTo("0.3");
        assertThat(book.balance("p", "XRP").total()).isEqualByComparingTo("0");
    }

    @Test
    void aFeeInAThirdCurrencyIsValuedAtItsLastPrice() {
        LastPrices prices = new LastPrices();
        PortfolioBook book = new PortfolioBook(prices);
        prices.cell("b", Instrument.of("BNB", "USDT")).set(new BigDecimal("300"), 1);
        Fill f = fill("t", BTC_USDT, Side.BUY, "20000", "0.1", "0.01", "BNB");
        assertThat(book.quoteFee("b", f)).isEqualByComparingTo("3");
        book.applyFill("b", null, f, book.quoteFee("b", f), null, true);
        assertThat(book.total("b", "BNB")).isEqualByComparingTo("-0.01");
        assertThat(book.total("b", "USDT")).isEqualByComparingTo("-2000");
    }
}
