package io.cambist.exchange.kraken.internal.dto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.exchange.kraken.internal.Fixtures;
import io.cambist.exchange.kraken.internal.KrakenJson;

/** Every REST DTO against a captured-style payload (field names as in Kraken's Spot REST reference). */
class KrakenRestJsonTest {

    private final ObjectMapper mapper = KrakenJson.mapper();

    private <T> KrakenResponse<T> read(String fixture, JavaType result) throws Exception {
        return mapper.readValue(Fixtures.read(fixture),
                mapper.getTypeFactory().constructParametricType(KrakenResponse.class, result));
    }

    private JavaType type(Class<?> c) {
        return mapper.getTypeFactory().constructType(c);
    }

    private JavaType mapOf(Class<?> c) {
        return mapper.getTypeFactory().constructMapType(Map.class, String.class, c);
    }

    @Test
    void assetPairs() throws Exception {
        KrakenResponse<Map<String, KrakenAssetPair>> r = read("http_get_asset_pairs.json", mapOf(KrakenAssetPair.class));
        assertThat(r.error()).isEmpty();
        assertThat(r.result()).containsOnlyKeys("XETHXXBT", "XXBTZUSD", "XBTUSD.d");
        KrakenAssetPair eth = r.result().get("XETHXXBT");
        assertThat(eth.altname()).isEqualTo("ETHXBT");
        assertThat(eth.wsname()).isEqualTo("ETH/XBT");
        assertThat(eth.base()).isEqualTo("XETH");
        assertThat(eth.quote()).isEqualTo("XXBT");
        assertThat(eth.pairDecimals()).isEqualTo(5);
        assertThat(eth.lotDecimals()).isEqualTo(8);
        assertThat(eth.costDecimals()).isEqualTo(10);
        assertThat(eth.ordermin()).isEqualByComparingTo("0.002");
        assertThat(eth.costmin()).isEqualByComparingTo("0.00002");
        assertThat(eth.tickSize()).isEqualByComparingTo("0.00001");
        assertThat(eth.status()).isEqualTo("online");
        assertThat(r.result().get("XXBTZUSD").tickSize()).as("older answers have no tick_size").isNull();
        assertThat(r.result().get("XXBTZUSD").status()).isEqualTo("cancel_only");
        assertThat(r.result().get("XBTUSD.d").wsname()).isNull();
    }

    @Test
    void balanceEx() throws Exception {
        KrakenResponse<Map<String, KrakenBalance>> r = read("http_post_balance_ex.json", mapOf(KrakenBalance.class));
        assertThat(r.result().get("XXBT").balance()).isEqualByComparingTo("2.5");
        assertThat(r.result().get("XXBT").holdTrade()).isEqualByComparingTo("0.45");
        assertThat(r.result()).containsKeys("XETH", "ZUSD", "USDT", "XBT.F");
    }

    @Test
    void addOrderAndCancel() throws Exception {
        KrakenResponse<KrakenAddOrderResult> placed = read("http_post_add_order.json", type(KrakenAddOrderResult.class));
        assertThat(placed.result().txid()).containsExactly("OUF4EM-FRGI2-MQMWZD");
        assertThat(placed.result().descr().order()).isEqualTo("buy 1.25000000 ETHXBT @ limit 0.04500");
        KrakenResponse<KrakenCancelResult> cancelled = read("http_post_cancel_order.json", type(KrakenCancelResult.class));
        assertThat(cancelled.result().count()).isEqualTo(1);
        assertThat(cancelled.result().pending()).isFalse();
    }

    @Test
    void queryOrdersWithClientIdAndTrades() throws Exception {
        KrakenResponse<Map<String, KrakenOrderInfo>> r = read("http_post_query_orders.json", mapOf(KrakenOrderInfo.class));
        KrakenOrderInfo o = r.result().get("OUF4EM-FRGI2-MQMWZD");
        assertThat(o.clOrdId()).isEqualTo("ct1a2b3cx7");
        assertThat(o.status()).isEqualTo("closed");
        assertThat(o.opentm()).isEqualByComparingTo("1688666559.8974");
        assertThat(o.closetm()).isEqualByComparingTo("1688666601.1234");
        assertThat(o.descr().pair()).isEqualTo("ETHXBT");
        assertThat(o.descr().type()).isEqualTo("buy");
        assertThat(o.descr().ordertype()).isEqualTo("limit");
        assertThat(o.descr().price()).isEqualTo("0.04500");
        assertThat(o.vol()).isEqualByComparingTo("1.25");
        assertThat(o.volExec()).isEqualByComparingTo("1.25");
        assertThat(o.cost()).isEqualByComparingTo("0.05625");
        assertThat(o.fee()).isEqualByComparingTo("0.00014625");
        assertThat(o.price()).isEqualByComparingTo("0.045");
        assertThat(o.oflags()).isEqualTo("fciq");
        assertThat(o.trades()).containsExactly("TCCCTY-WJ6EO-4FP4VZ", "TDCVFQ-TPEG4-6X7LSZ");
    }

    @Test
    void openAndClosedOrders() throws Exception {
        KrakenResponse<KrakenOpenOrders> open = read("http_post_open_orders.json", type(KrakenOpenOrders.class));
        assertThat(open.result().open()).hasSize(2);
        KrakenOrderInfo grid = open.result().open().get("O26VBY-ISGAE-JP5TLU");
        assertThat(grid.clOrdId()).isEqualTo("grid-level-3");
        assertThat(grid.volExec()).isEqualByComparingTo("0.2");
        assertThat(grid.oflags()).isEqualTo("fciq,post");
        assertThat(open.result().open().get("OYEQF4-FDE4C-NMUYUI").clOrdId()).isNull();
        assertThat(open.result().open().get("OYEQF4-FDE4C-NMUYUI").userref()).isEqualTo(123456L);

        KrakenResponse<KrakenClosedOrders> closed = read("http_post_closed_orders.json", type(KrakenClosedOrders.class));
        assertThat(closed.result().count()).isEqualTo(1);
        KrakenOrderInfo c = closed.result().closed().get("O5KZFT-GH3AD-LP6TLU");
        assertThat(c.status()).isEqualTo("canceled");
        assertThat(c.reason()).isEqualTo("User requested");
    }

    @Test
    void queryTrades() throws Exception {
        KrakenResponse<Map<String, KrakenTradeInfo>> r = read("http_post_query_trades.json", mapOf(KrakenTradeInfo.class));
        KrakenTradeInfo t = r.result().get("TCCCTY-WJ6EO-4FP4VZ");
        assertThat(t.ordertxid()).isEqualTo("OUF4EM-FRGI2-MQMWZD");
        assertThat(t.postxid()).isEqualTo("TKH2SE-M7IF5-CFI7LT");
        assertThat(t.pair()).isEqualTo("XETHXXBT");
        assertThat(t.time()).isEqualByComparingTo("1688666600.2741");
        assertThat(t.type()).isEqualTo("buy");
        assertThat(t.ordertype()).isEqualTo("limit");
        assertThat(t.price()).isEqualByComparingTo("0.045");
        assertThat(t.cost()).isEqualByComparingTo("0.045");
        assertThat(t.fee()).isEqualByComparingTo("0.000117");
        assertThat(t.vol()).isEqualByComparingTo("1");
        assertThat(t.tradeId()).isEqualTo(40274859L);
        assertThat(t.maker()).isTrue();
        assertThat(r.result().get("TDCVFQ-TPEG4-6X7LSZ").maker()).isFalse();
    }

    @Test
    void webSocketsTokenHidesTheTokenFromToString() throws Exception {
        KrakenResponse<KrakenWsToken> r = read("http_post_get_websockets_token.json", type(KrakenWsToken.class));
        assertThat(r.result().token()).isEqualTo("1Dwc4lzSwNWOAwkMdqhssNNFhs1ed606d1WcF3XfEMw");
        assertThat(r.result().expires()).isEqualTo(900);
        assertThat(r.result().toString()).doesNotContain("1Dwc4lz");
    }

    @Test
    void errors() throws Exception {
        KrakenResponse<KrakenAddOrderResult> nonce = read("http_error_invalid_nonce.json", type(KrakenAddOrderResult.class));
        assertThat(nonce.error()).containsExactly("EAPI:Invalid nonce");
        assertThat(nonce.result()).isNull();
        KrakenResponse<KrakenAddOrderResult> funds = read("http_error_insufficient_funds.json",
                type(KrakenAddOrderResult.class));
        assertThat(funds.error()).containsExactly("EOrder:Insufficient funds");
    }
}
