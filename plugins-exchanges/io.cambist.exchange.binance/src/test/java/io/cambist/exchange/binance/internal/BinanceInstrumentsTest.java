package io.cambist.exchange.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.OrderRequest;
import io.cambist.exchange.binance.internal.dto.BinanceExchangeInfo;

class BinanceInstrumentsTest {

    private final BinanceInstruments instruments = new BinanceInstruments();
    private final Instrument ethBtc = Instrument.of("ETH", "BTC");
    private final ClientOrderId id = ClientOrderId.of("c1");

    @BeforeEach
    void load() throws Exception {
        instruments.load(BinanceJson.mapper().readValue(Fixtures.read("http_get_exchange_info.json"), BinanceExchangeInfo.class));
    }

    private OrderRequest limit(String qty, String price) {
        return OrderRequest.limit(ethBtc, Side.BUY, new BigDecimal(qty), new BigDecimal(price)).withClientOrderId(id);
    }

    @Test
    void listsValidSymbolsSorted() {
        assertThat(instruments.loaded()).isTrue();
        assertThat(instruments.specs()).extracting(s -> s.instrument().symbol()).containsExactly("BNB/BTC", "ETH/BTC");
        assertThat(instruments.bySymbol("ETHBTC")).get().extracting(r -> r.instrument()).isEqualTo(ethBtc);
        assertThatThrownBy(() -> instruments.require(Instrument.of("DOGE", "BTC"))).isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("DOGE/BTC is not listed on binance");
    }

    @Test
    void validOrdersPass() {
        instruments.check(limit("0.5", "0.05"));
        instruments.check(OrderRequest.market(ethBtc, Side.SELL, new BigDecimal("0.0002")).withClientOrderId(id));
        instruments.check(OrderRequest.marketQuote(ethBtc, Side.BUY, new BigDecimal("0.001")).withClientOrderId(id));
    }

    @Test
    void priceFilterTickAndBounds() {
        assertThatThrownBy(() -> instruments.check(limit("0.5", "0.050005"))).isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("PRICE_FILTER").hasMessageContaining("ETHBTC");
        assertThatThrownBy(() -> instruments.check(limit("0.5", "0.000001"))).hasMessageContaining("below PRICE_FILTER minimum");
        assertThatThrownBy(() -> instruments.check(limit("0.0001", "1000000"))).hasMessageContaining("above PRICE_FILTER maximum");
    }

    @Test
    void lotSize() {
        assertThatThrownBy(() -> instruments.check(limit("0.00005", "0.05"))).hasMessageContaining("below LOT_SIZE minimum 0.0001");
        assertThatThrownBy(() -> instruments.check(limit("0.00015", "0.05"))).hasMessageContaining("LOT_SIZE step");
        assertThatThrownBy(() -> instruments.check(OrderRequest.market(ethBtc, Side.BUY, new BigDecimal("200000"))
                .withClientOrderId(id))).hasMessageContaining("above LOT_SIZE maximum");
    }

    @Test
    void notional() {
        assertThatThrownBy(() -> instruments.check(limit("0.0001", "0.5"))).hasMessageContaining("MIN_NOTIONAL");
        assertThatThrownBy(() -> instruments.check(OrderRequest.marketQuote(ethBtc, Side.BUY, new BigDecimal("0.00001"))
                .withClientOrderId(id))).hasMessageContaining("below MIN_NOTIONAL");
        assertThatThrownBy(() -> instruments.check(limit("99999", "100"))).hasMessageContaining("above NOTIONAL maximum");
    }

    @Test
    void haltedSymbolsAndUnsupportedShapes() {
        Instrument bnb = Instrument.of("BNB", "BTC");
        assertThatThrownBy(() -> instruments.check(OrderRequest.limit(bnb, Side.BUY, BigDecimal.ONE, new BigDecimal("0.01"))
                .withClientOrderId(id))).hasMessageContaining("not trading");
        assertThatThrownBy(() -> instruments.check(OrderRequest.marketQuote(bnb, Side.BUY, BigDecimal.ONE).withClientOrderId(id)))
                .hasMessageContaining("quote amount");
        assertThatThrownBy(() -> instruments.check(OrderRequest.limit(bnb, Side.BUY, BigDecimal.ONE, new BigDecimal("0.01"))
                .withTimeInForce(TimeInForce.POST_ONLY).withClientOrderId(id))).hasMessageContaining("LIMIT_MAKER");
    }
}
