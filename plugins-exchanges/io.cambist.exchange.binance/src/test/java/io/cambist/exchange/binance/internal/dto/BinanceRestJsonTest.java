package io.cambist.exchange.binance.internal.dto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.exchange.binance.internal.BinanceJson;
import io.cambist.exchange.binance.internal.Fixtures;

/** Every REST DTO against a captured-style payload (field names and values from Binance's rest-api.md). */
class BinanceRestJsonTest {

    private final ObjectMapper mapper = BinanceJson.mapper();

    private <T> T read(String fixture, Class<T> type) throws Exception {
        return mapper.readValue(Fixtures.read(fixture), type);
    }

    @Test
    void serverTime() throws Exception {
        assertThat(read("http_get_time.json", BinanceServerTime.class).serverTime()).isEqualTo(1499827319559L);
    }

    @Test
    void error() throws Exception {
        BinanceError e = read("http_error_timestamp.json", BinanceError.class);
        assertThat(e.code()).isEqualTo(-1021);
        assertThat(e.msg()).startsWith("Timestamp for this request");
    }

    @Test
    void exchangeInfoWithEveryFilterKind() throws Exception {
        BinanceExchangeInfo info = read("http_get_exchange_info.json", BinanceExchangeInfo.class);
        assertThat(info.rateLimits()).hasSize(3).first().satisfies(l -> {
            assertThat(l.rateLimitType()).isEqualTo("REQUEST_WEIGHT");
            assertThat(l.interval()).isEqualTo("MINUTE");
            assertThat(l.intervalNum()).isEqualTo(1);
            assertThat(l.limit()).isEqualTo(6000);
        });
        BinanceSymbol eth = info.symbols().get(0);
        assertThat(eth.symbol()).isEqualTo("ETHBTC");
        assertThat(eth.status()).isEqualTo("TRADING");
        assertThat(eth.baseAsset()).isEqualTo("ETH");
        assertThat(eth.quoteAsset()).isEqualTo("BTC");
        assertThat(eth.quoteOrderQtyMarketAllowed()).isTrue();
        assertThat(eth.orderTypes()).contains("LIMIT", "LIMIT_MAKER", "MARKET");
        assertThat(eth.filters()).extracting(BinanceFilter::filterType).contains("PRICE_FILTER", "LOT_SIZE", "NOTIONAL",
                "TRAILING_DELTA", "PERCENT_PRICE_BY_SIDE");
        BinanceFilter price = eth.filters().get(0);
        assertThat(price.tickSize()).isEqualByComparingTo("0.00001");
        assertThat(price.minPrice()).isEqualByComparingTo("0.00001");
        assertThat(price.maxPrice()).isEqualByComparingTo("922327");
        BinanceFilter lot = eth.filters().get(1);
        assertThat(lot.stepSize()).isEqualByComparingTo("0.0001");
        assertThat(lot.minQty()).isEqualByComparingTo("0.0001");
        BinanceFilter notional = eth.filters().stream().filter(f -> f.filterType().equals("NOTIONAL")).findFirst().orElseThrow();
        assertThat(notional.minNotional()).isEqualByComparingTo("0.0001");
        assertThat(notional.maxNotional()).isEqualByComparingTo("9000000");
        assertThat(notional.applyMinToMarket()).isTrue();
        BinanceFilter minNotional = info.symbols().get(1).filters().get(2);
        assertThat(minNotional.filterType()).isEqualTo("MIN_NOTIONAL");
        assertThat(minNotional.applyToMarket()).isTrue();
        assertThat(info.symbols().get(1).status()).isEqualTo("BREAK");
    }

    @Test
    void depthSnapshot() throws Exception {
        BinanceDepth d = read("http_get_depth.json", BinanceDepth.class);
        assertThat(d.lastUpdateId()).isEqualTo(1027024L);
        assertThat(d.bids()).containsExactly(List.of(new BigDecimal("4.00000000"), new BigDecimal("431.00000000")));
        assertThat(d.asks().get(0).get(0)).isEqualByComparingTo("4.000002");
    }

    @Test
    void account() throws Exception {
        BinanceAccount a = read("http_get_account.json", BinanceAccount.class);
        assertThat(a.canTrade()).isTrue();
        assertThat(a.balances()).hasSize(3).first().satisfies(b -> {
            assertThat(b.asset()).isEqualTo("BTC");
            assertThat(b.free()).isEqualByComparingTo("4723846.89208129");
            assertThat(b.locked()).isEqualByComparingTo("0");
        });
    }

    @Test
    void placeQueryCancelAndOpenOrders() throws Exception {
        BinanceOrder placed = read("http_post_order_result.json", BinanceOrder.class);
        assertThat(placed.orderId()).isEqualTo(28);
        assertThat(placed.clientOrderId()).isEqualTo("6gCrw2kRUAF9CvJDGP16IP");
        assertThat(placed.transactTime()).isEqualTo(1507725176595L);
        assertThat(placed.status()).isEqualTo("FILLED");
        assertThat(placed.cummulativeQuoteQty()).isEqualByComparingTo("10");

        BinanceOrder queried = read("http_get_order.json", BinanceOrder.class);
        assertThat(queried.updateTime()).isEqualTo(1499827319559L);
        assertThat(queried.origQuoteOrderQty()).isEqualByComparingTo("0");
        assertThat(queried.origClientOrderId()).isNull();

        BinanceOrder cancelled = read("http_delete_order.json", BinanceOrder.class);
        assertThat(cancelled.origClientOrderId()).isEqualTo("myOrder1");
        assertThat(cancelled.clientOrderId()).isEqualTo("cancelMyOrder1");
        assertThat(cancelled.status()).isEqualTo("CANCELED");

        List<BinanceOrder> open = mapper.readValue(Fixtures.read("http_get_open_orders.json"),
                new TypeReference<List<BinanceOrder>>() { });
        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("PARTIALLY_FILLED");
            assertThat(o.executedQty()).isEqualByComparingTo("0.4");
        });
    }

    @Test
    void myTrades() throws Exception {
        List<BinanceMyTrade> trades = mapper.readValue(Fixtures.read("http_get_my_trades.json"),
                new TypeReference<List<BinanceMyTrade>>() { });
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(28457);
            assertThat(t.orderId()).isEqualTo(100234);
            assertThat(t.price()).isEqualByComparingTo("4.000001");
            assertThat(t.commissionAsset()).isEqualTo("BNB");
            assertThat(t.buyer()).isTrue();
            assertThat(t.maker()).isFalse();
        });
    }

    @Test
    void listenKey() throws Exception {
        assertThat(read("http_post_user_data_stream.json", BinanceListenKey.class).listenKey()).startsWith("pqia91ma");
    }
}
