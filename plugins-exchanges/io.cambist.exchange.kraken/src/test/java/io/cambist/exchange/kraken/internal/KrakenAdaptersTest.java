package io.cambist.exchange.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.Timeframe;
import io.cambist.api.model.Trade;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.exchange.kraken.internal.KrakenInstruments.Rules;
import io.cambist.exchange.kraken.internal.dto.KrakenAssetPair;
import io.cambist.exchange.kraken.internal.dto.KrakenBalance;
import io.cambist.exchange.kraken.internal.dto.KrakenClosedOrders;
import io.cambist.exchange.kraken.internal.dto.KrakenOpenOrders;
import io.cambist.exchange.kraken.internal.dto.KrakenExecution;
import io.cambist.exchange.kraken.internal.dto.KrakenOhlc;
import io.cambist.exchange.kraken.internal.dto.KrakenOrderInfo;
import io.cambist.exchange.kraken.internal.dto.KrakenResponse;
import io.cambist.exchange.kraken.internal.dto.KrakenTradeInfo;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Executions;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Ohlcs;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Tickers;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Trades;

/** The pure mapping from Kraken's DTOs to the API types, on the captured-style fixtures. */
class KrakenAdaptersTest {

    private static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    private static final ClientOrderId ID = ClientOrderId.of("ct1a2b3cx7");

    private final ObjectMapper mapper = KrakenJson.mapper();
    private final KrakenStreamParser parser = new KrakenStreamParser(mapper);
    private final KrakenInstruments instruments = new KrakenInstruments();

    @BeforeEach
    void load() throws Exception {
        instruments.load(pairs());
    }

    private Map<String, KrakenAssetPair> pairs() throws Exception {
        KrakenResponse<Map<String, KrakenAssetPair>> r = mapper.readValue(Fixtures.read("http_get_asset_pairs.json"),
                mapper.getTypeFactory().constructParametricType(KrakenResponse.class, mapper.getTypeFactory()
                        .constructMapType(Map.class, String.class, KrakenAssetPair.class)));
        return r.result();
    }

    private <T> Map<String, T> result(String fixture, Class<T> type) throws Exception {
        KrakenResponse<Map<String, T>> r = mapper.readValue(Fixtures.read(fixture), mapper.getTypeFactory()
                .constructParametricType(KrakenResponse.class, mapper.getTypeFactory()
                        .constructMapType(Map.class, String.class, type)));
        return r.result();
    }

    @Test
    void assetPairRulesUseV2NamesAndKrakenPrecisions() throws Exception {
        Rules r = KrakenAdapters.rules("XETHXXBT", pairs().get("XETHXXBT")).orElseThrow();
        assertThat(r.instrument()).isEqualTo(ETH_BTC);
        assertThat(r.wsSymbol()).as("v2 writes XBT as BTC").isEqualTo("ETH/BTC");
        assertThat(r.altname()).isEqualTo("ETHXBT");
        assertThat(r.spec().venueSymbol()).isEqualTo("ETHXBT");
        assertThat(r.spec().tickSize()).isEqualByComparingTo("0.00001");
        assertThat(r.spec().stepSize()).isEqualByComparingTo("0.00000001");
        assertThat(r.spec().minQuantity()).isEqualByComparingTo("0.002");
        assertThat(r.spec().minNotional()).isEqualByComparingTo("0.00002");
        assertThat(r.spec().trading()).isTrue();
        Rules btc = KrakenAdapters.rules("XXBTZUSD", pairs().get("XXBTZUSD")).orElseThrow();
        assertThat(btc.spec().tickSize()).as("without tick_size the price precision sets the tick").isEqualByComparingTo("0.1");
        assertThat(btc.spec().trading()).as("cancel_only").isFalse();
        assertThat(KrakenAdapters.rules("XBTUSD.d", pairs().get("XBTUSD.d"))).as("no wsname: not tradable over v2").isEmpty();
    }

    @Test
    void balancesSplitWhatOpenOrdersHold() throws Exception {
        Map<String, KrakenBalance> b = result("http_post_balance_ex.json", KrakenBalance.class);
        Balance btc = KrakenAdapters.balance(instruments.currency("XXBT").orElseThrow(), b.get("XXBT"));
        assertThat(btc.currency()).isEqualTo("BTC");
        assertThat(btc.free()).isEqualByComparingTo("2.05");
        assertThat(btc.locked()).isEqualByComparingTo("0.45");
        assertThat(instruments.currency("XETH")).contains("ETH");
        assertThat(instruments.currency("ZUSD")).contains("USD");
        assertThat(instruments.currency("USDT")).contains("USDT");
        assertThat(instruments.currency("XXDG")).as("unknown X-prefixed asset ids lose the prefix").contains("DOGE");
        assertThat(instruments.currency("XBT.F")).as("earn balances are not spot funds").isEmpty();
    }

    @Test
    void restOrdersMapStatusFillsAndPrices() throws Exception {
        KrakenOrderInfo closed = result("http_post_query_orders.json", KrakenOrderInfo.class).get("OUF4EM-FRGI2-MQMWZD");
        VenueOrder o = KrakenAdapters.order("OUF4EM-FRGI2-MQMWZD", closed, ETH_BTC, null);
        assertThat(o.clientOrderId()).isEqualTo(ID);
        assertThat(o.venueOrderId().value()).isEqualTo("OUF4EM-FRGI2-MQMWZD");
        assertThat(o.side()).isEqualTo(Side.BUY);
        assertThat(o.type()).isEqualTo(OrderType.LIMIT);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.quantity()).isEqualByComparingTo("1.25");
        assertThat(o.filledQuantity()).isEqualByComparingTo("1.25");
        assertThat(o.averagePrice()).isEqualByComparingTo("0.045");
        assertThat(o.limitPrice()).isEqualByComparingTo("0.045");
        assertThat(o.time()).isEqualTo(1688666601123L);

        assertThat(KrakenAdapters.status("open", BigDecimal.ONE, new BigDecimal("0.2"))).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(KrakenAdapters.status("pending", BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo(OrderStatus.NEW);
        assertThat(KrakenAdapters.status("canceled", BigDecimal.ONE, new BigDecimal("0.5"))).isEqualTo(OrderStatus.CANCELED);
        assertThat(KrakenAdapters.status("expired", BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo(OrderStatus.EXPIRED);
        assertThat(KrakenAdapters.status("closed", BigDecimal.ONE, new BigDecimal("0.4")))
                .as("an IOC remainder that went unfilled").isEqualTo(OrderStatus.EXPIRED);
        assertThatThrownBy(() -> KrakenAdapters.status("weird", BigDecimal.ONE, BigDecimal.ZERO))
                .hasMessageContaining("weird");

        KrakenResponse<KrakenClosedOrders> closedPage = mapper.readValue(Fixtures.read("http_post_closed_orders.json"),
                mapper.getTypeFactory().constructParametricType(KrakenResponse.class, KrakenClosedOrders.class));
        VenueOrder cancelled = KrakenAdapters.order("O5KZFT-GH3AD-LP6TLU",
                closedPage.result().closed().get("O5KZFT-GH3AD-LP6TLU"), ETH_BTC, null);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(cancelled.filledQuantity()).isEqualByComparingTo("0.5");
        assertThat(cancelled.reason()).isEqualTo("User requested");
    }

    @Test
    void ordersWithoutClientIdNeedAFallback() throws Exception {
        KrakenOrderInfo manual = openOrders().get("OYEQF4-FDE4C-NMUYUI");
        assertThatThrownBy(() -> KrakenAdapters.order("OYEQF4-FDE4C-NMUYUI", manual, Instrument.of("BTC", "USD"), null))
                .hasMessageContaining("no cl_ord_id");
        VenueOrder grid = KrakenAdapters.order("O26VBY-ISGAE-JP5TLU", openOrders().get("O26VBY-ISGAE-JP5TLU"), ETH_BTC, null);
        assertThat(grid.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(grid.side()).isEqualTo(Side.SELL);
        assertThat(grid.averagePrice()).isEqualByComparingTo("0.055");
    }

    private Map<String, KrakenOrderInfo> openOrders() throws Exception {
        KrakenResponse<KrakenOpenOrders> r = mapper.readValue(
                Fixtures.read("http_post_open_orders.json"), mapper.getTypeFactory().constructParametricType(
                        KrakenResponse.class, KrakenOpenOrders.class));
        return r.result().open();
    }

    @Test
    void restTradesAreFillsKeyedByTradeTxid() throws Exception {
        Map<String, KrakenTradeInfo> trades = result("http_post_query_trades.json", KrakenTradeInfo.class);
        Fill f = KrakenAdapters.fill("TCCCTY-WJ6EO-4FP4VZ", trades.get("TCCCTY-WJ6EO-4FP4VZ"), ID, ETH_BTC);
        assertThat(f.tradeId()).isEqualTo("TCCCTY-WJ6EO-4FP4VZ");
        assertThat(f.venueOrderId().value()).isEqualTo("OUF4EM-FRGI2-MQMWZD");
        assertThat(f.side()).isEqualTo(Side.BUY);
        assertThat(f.price()).isEqualByComparingTo("0.045");
        assertThat(f.quantity()).isEqualByComparingTo("1");
        assertThat(f.fee()).isEqualByComparingTo("0.000117");
        assertThat(f.feeCurrency()).isEqualTo("BTC");
        assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(f.time()).isEqualTo(1688666600274L);
    }

    @Test
    void tradeExecutionCarriesTheFillAndKeepsKnownFields() {
        KrakenExecution e = ((Executions) parser.parse(Fixtures.read("ws_executions_trade.json"))).data().get(0);
        VenueOrder known = KrakenAdapters.initial(ID, ETH_BTC, e);
        ExecutionReport r = KrakenAdapters.report("kraken-main", e, known, instruments::currency, 0);
        assertThat(r.account()).isEqualTo("kraken-main");
        assertThat(r.order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(r.order().filledQuantity()).isEqualByComparingTo("1");
        assertThat(r.order().averagePrice()).isEqualByComparingTo("0.045");
        Fill f = r.fill();
        assertThat(f.tradeId()).as("exec_id is the trade txid, as QueryTrades keys it").isEqualTo("TCCCTY-WJ6EO-4FP4VZ");
        assertThat(f.quantity()).isEqualByComparingTo("1");
        assertThat(f.price()).isEqualByComparingTo("0.045");
        assertThat(f.fee()).isEqualByComparingTo("0.000117");
        assertThat(f.feeCurrency()).as("fee asset XBT is BTC").isEqualTo("BTC");
        assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(f.time()).isEqualTo(Instant.parse("2023-07-06T18:03:20.274100Z").toEpochMilli());

        KrakenExecution cancel = ((Executions) parser.parse(Fixtures.read("ws_executions_canceled.json"))).data().get(0);
        ExecutionReport c = KrakenAdapters.report("kraken-main", cancel, r.order(), instruments::currency, 0);
        assertThat(c.fill()).isNull();
        assertThat(c.order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(c.order().side()).as("taken from the known order").isEqualTo(Side.BUY);
        assertThat(c.order().quantity()).isEqualByComparingTo("1.25");
        assertThat(c.order().reason()).isEqualTo("User requested");
    }

    @Test
    void tradeEventWithoutExecIdIsRefused() {
        KrakenExecution e = ((Executions) parser.parse(Fixtures.read("ws_executions_trade.json"))).data().get(0);
        KrakenExecution broken = new KrakenExecution("trade", e.orderId(), e.clOrdId(), e.symbol(), e.side(),
                e.orderType(), e.orderQty(), e.limitPrice(), e.orderStatus(), e.cumQty(), e.cumCost(), e.avgPrice(),
                e.timeInForce(), null, e.timestamp(), null, e.tradeId(), e.lastQty(), e.lastPrice(), e.cost(),
                e.liquidityInd(), e.fees(), null);
        assertThatThrownBy(() -> KrakenAdapters.report("a", broken, KrakenAdapters.initial(ID, ETH_BTC, e),
                instruments::currency, 0)).hasMessageContaining("exec_id");
    }

    @Test
    void marketData() {
        Trade t = KrakenAdapters.trade("k", ((Trades) parser.parse(Fixtures.read("ws_trade_update.json"))).data().get(0),
                ETH_BTC, 0);
        assertThat(t.tradeId()).isEqualTo("4665906");
        assertThat(t.aggressor()).as("Kraken's side is the taker's").isEqualTo(Side.SELL);
        assertThat(t.time()).isEqualTo(Instant.parse("2023-10-06T17:35:55.440295Z").toEpochMilli());
        Ticker k = KrakenAdapters.ticker("k", ((Tickers) parser.parse(Fixtures.read("ws_ticker_update.json"))).data().get(0),
                ETH_BTC, 0);
        assertThat(k.bid()).isEqualByComparingTo("0.05209");
        assertThat(k.ask()).isEqualByComparingTo("0.0521");
        assertThat(k.last()).isEqualByComparingTo("0.05209");
        KrakenOhlc o = ((Ohlcs) parser.parse(Fixtures.read("ws_ohlc_update.json"))).data().get(0);
        Candle c = KrakenAdapters.candle("k", o, ETH_BTC, Timeframe.M1);
        assertThat(c.openTime()).isEqualTo(Instant.parse("2023-10-04T16:27:00Z").toEpochMilli());
        assertThat(c.time()).isEqualTo(Instant.parse("2023-10-04T16:28:00Z").toEpochMilli());
        assertThat(c.volume()).isEqualByComparingTo("0.75");
    }

    @Test
    void candleWidths() {
        assertThat(KrakenAdapters.interval(null)).isEqualTo(1);
        assertThat(KrakenAdapters.interval(Timeframe.H4)).isEqualTo(240);
        assertThat(KrakenAdapters.interval(Timeframe.W1)).isEqualTo(10080);
        assertThatThrownBy(() -> KrakenAdapters.interval(Timeframe.M3)).isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("3m");
        assertThat(KrakenAdapters.timeframe(60)).contains(Timeframe.H1);
        assertThat(KrakenAdapters.timeframe(21600)).isEqualTo(Optional.empty());
    }

    @Test
    void orderParameters() {
        Rules rules = instruments.require(ETH_BTC);
        Map<String, String> limit = KrakenAdapters.orderParams(OrderRequest.limit(ETH_BTC, Side.BUY,
                new BigDecimal("1.2500"), new BigDecimal("0.04500")).withClientOrderId(ID), rules);
        assertThat(limit).containsExactly(Map.entry("ordertype", "limit"), Map.entry("type", "buy"),
                Map.entry("volume", "1.25"), Map.entry("pair", "ETHXBT"), Map.entry("price", "0.045"),
                Map.entry("cl_ord_id", "ct1a2b3cx7"));
        Map<String, String> post = KrakenAdapters.orderParams(OrderRequest.limit(ETH_BTC, Side.SELL, BigDecimal.ONE,
                new BigDecimal("0.06")).withTimeInForce(TimeInForce.POST_ONLY).withClientOrderId(ID), rules);
        assertThat(post).containsEntry("oflags", "post").doesNotContainKey("timeinforce");
        Map<String, String> ioc = KrakenAdapters.orderParams(OrderRequest.limit(ETH_BTC, Side.SELL, BigDecimal.ONE,
                new BigDecimal("0.06")).withTimeInForce(TimeInForce.IOC).withClientOrderId(ID), rules);
        assertThat(ioc).containsEntry("timeinforce", "IOC");
        Map<String, String> market = KrakenAdapters.orderParams(OrderRequest.market(ETH_BTC, Side.BUY,
                new BigDecimal("0.5")).withClientOrderId(ID), rules);
        assertThat(market).containsEntry("ordertype", "market").doesNotContainKeys("price", "timeinforce");
    }

    @Test
    void timesFallBackWhenAbsentOrUnreadable() {
        assertThat(KrakenAdapters.time(null, 42)).isEqualTo(42);
        assertThat(KrakenAdapters.time("yesterday", 42)).isEqualTo(42);
        assertThat(KrakenAdapters.millis(new BigDecimal("1688583840.8648"))).isEqualTo(1688583840864L);
    }
}
