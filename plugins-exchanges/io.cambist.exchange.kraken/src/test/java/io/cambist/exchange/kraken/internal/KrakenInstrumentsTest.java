package io.cambist.exchange.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.OrderRequest;
import io.cambist.exchange.kraken.internal.dto.KrakenAssetPair;
import io.cambist.exchange.kraken.internal.dto.KrakenResponse;

/** AssetPairs loading, the three names of a pair, and the local checks that name the rule an order breaks. */
class KrakenInstrumentsTest {

    private static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    private final KrakenInstruments instruments = new KrakenInstruments();

    @BeforeEach
    void load() throws Exception {
        ObjectMapper mapper = KrakenJson.mapper();
        KrakenResponse<Map<String, KrakenAssetPair>> r = mapper.readValue(Fixtures.read("http_get_asset_pairs.json"),
                mapper.getTypeFactory().constructParametricType(KrakenResponse.class, mapper.getTypeFactory()
                        .constructMapType(Map.class, String.class, KrakenAssetPair.class)));
        instruments.load(r.result());
    }

    private OrderRequest limit(String qty, String price) {
        return OrderRequest.limit(ETH_BTC, Side.BUY, new BigDecimal(qty), new BigDecimal(price))
                .withClientOrderId(ClientOrderId.of("ct1"));
    }

    private String refusal(OrderRequest r) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> instruments.check(r));
        assertThat(t).isInstanceOf(InvalidOrderException.class);
        return t.getMessage();
    }

    @Test
    void listsPairsWithWebSocketNamesOnly() {
        assertThat(instruments.loaded()).isTrue();
        assertThat(instruments.specs()).extracting(InstrumentSpec::instrument)
                .containsExactly(Instrument.of("BTC", "USD"), ETH_BTC);
        assertThat(instruments.bySymbol("ETH/BTC")).get().extracting(KrakenInstruments.Rules::pair).isEqualTo("XETHXXBT");
        assertThat(instruments.byPair("ETHXBT")).isPresent();
        assertThat(instruments.byPair("XETHXXBT")).isPresent();
        assertThat(instruments.require(ETH_BTC).wsSymbol()).isEqualTo("ETH/BTC");
        assertThatThrownBy(() -> instruments.require(Instrument.of("ETH", "EUR")))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("ETH/EUR is not listed on kraken");
    }

    @Test
    void validOrdersPass() {
        assertThat(instruments.check(limit("0.5", "0.04512")).altname()).isEqualTo("ETHXBT");
        assertThat(instruments.check(OrderRequest.market(ETH_BTC, Side.SELL, new BigDecimal("0.002"))
                .withClientOrderId(ClientOrderId.of("m1")))).isNotNull();
    }

    @Test
    void ruleBreachesNameTheRule() {
        assertThat(refusal(limit("0.5", "0.045125"))).contains("PRICE_FILTER", "tick_size", "0.00001", "ETH/BTC");
        assertThat(refusal(limit("0.500000005", "0.045"))).contains("LOT_SIZE", "lot_decimals 8");
        assertThat(refusal(limit("0.001", "0.045"))).contains("LOT_SIZE minimum 0.002", "ordermin");
        assertThat(refusal(limit("0.002", "0.00001"))).contains("MIN_NOTIONAL 0.00002", "costmin");
    }

    @Test
    void whatKrakenOrTheConnectorCannotDoIsRefusedWithTheReason() {
        assertThat(refusal(limit("0.5", "0.045").withTimeInForce(TimeInForce.FOK))).contains("fill-or-kill");
        assertThat(refusal(OrderRequest.marketQuote(ETH_BTC, Side.BUY, BigDecimal.ONE)
                .withClientOrderId(ClientOrderId.of("q1")))).contains("base quantity");
        assertThat(refusal(OrderRequest.stopMarket(ETH_BTC, Side.SELL, BigDecimal.ONE, new BigDecimal("0.04"))
                .withClientOrderId(ClientOrderId.of("s1")))).contains("STOP_MARKET");
        assertThat(refusal(limit("0.5", "0.045").withClientOrderId(ClientOrderId.of("a-client-id-of-25-chars")))).contains(
                "cl_ord_id", "18");
        assertThat(refusal(OrderRequest.limit(Instrument.of("BTC", "USD"), Side.BUY, new BigDecimal("0.01"),
                new BigDecimal("25000")).withClientOrderId(ClientOrderId.of("c1")))).contains("not trading", "cancel_only");
    }

    @Test
    void clientOrderIdFormats() {
        assertThat(KrakenInstruments.validClientOrderId("exactly-18-chars-x")).isTrue();
        assertThat(KrakenInstruments.validClientOrderId("nineteen-characters")).isFalse();
        assertThat(KrakenInstruments.validClientOrderId("d15708c1-dbb6-465d-b77d-47258319cc90")).isTrue();
        assertThat(KrakenInstruments.validClientOrderId("d15708c1dbb6465db77d47258319cc90")).isTrue();
    }
}
