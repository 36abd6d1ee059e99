package io.cambist.exchange.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
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
import io.cambist.exchange.binance.internal.dto.BinanceExchangeInfo;
import io.cambist.exchange.binance.internal.dto.BinanceMyTrade;
import io.cambist.exchange.binance.internal.dto.BinanceOrder;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.BookTickerMessage;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.Execution;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.KlineMessage;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.TradeMessage;

class BinanceAdaptersTest {

    private final ObjectMapper mapper = BinanceJson.mapper();
    private final BinanceStreamParser parser = new BinanceStreamParser(mapper);
    private final Instrument ethBtc = Instrument.of("ETH", "BTC");

    @Test
    void specTakesTickStepAndTheLargerNotionalMinimum() throws Exception {
        BinanceExchangeInfo info = mapper.readValue(Fixtures.read("http_get_exchange_info.json"), BinanceExchangeInfo.class);
        InstrumentSpec s = BinanceAdapters.spec(info.symbols().get(0), ethBtc);
        assertThat(s.venueSymbol()).isEqualTo("ETHBTC");
        assertThat(s.tickSize()).isEqualByComparingTo("0.00001");
        assertThat(s.stepSize()).isEqualByComparingTo("0.0001");
        assertThat(s.minQuantity()).isEqualByComparingTo("0.0001");
        assertThat(s.maxQuantity()).isEqualByComparingTo("100000");
        assertThat(s.minNotional()).isEqualByComparingTo("0.0001");
        assertThat(s.trading()).isTrue();
        InstrumentSpec bnb = BinanceAdapters.spec(info.symbols().get(1), Instrument.of("BNB", "BTC"));
        assertThat(bnb.trading()).as("BREAK is not trading").isFalse();
        assertThat(bnb.minNotional()).as("legacy MIN_NOTIONAL").isEqualByComparingTo("0.001");
        assertThat(BinanceAdapters.instrument(info.symbols().get(2))).as("invalid asset code").isEmpty();
    }

    @Test
    void queriedOrder() throws Exception {
        VenueOrder o = BinanceAdapters.order(mapper.readValue(Fixtures.read("http_get_open_orders.json"),
                BinanceOrder[].class)[0], Instrument.of("LTC", "BTC"));
        assertThat(o.clientOrderId()).isEqualTo(ClientOrderId.of("myOrder1"));
        assertThat(o.venueOrderId().value()).isEqualTo("1");
        assertThat(o.side()).isEqualTo(Side.BUY);
        assertThat(o.type()).isEqualTo(OrderType.LIMIT);
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.quantity()).isEqualByComparingTo("1");
        assertThat(o.filledQuantity()).isEqualByComparingTo("0.4");
        assertThat(o.averagePrice()).as("cummulativeQuoteQty / executedQty").isEqualByComparingTo("0.1");
        assertThat(o.limitPrice()).isEqualByComparingTo("0.1");
        assertThat(o.time()).isEqualTo(1499827319559L);
    }

    @Test
    void cancelAnswerNamesOurOrderByOrigClientOrderId() throws Exception {
        VenueOrder o = BinanceAdapters.order(mapper.readValue(Fixtures.read("http_delete_order.json"), BinanceOrder.class),
                Instrument.of("LTC", "BTC"));
        assertThat(o.clientOrderId()).isEqualTo(ClientOrderId.of("myOrder1"));
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(o.averagePrice()).isNull();
        assertThat(o.time()).isEqualTo(1684804350068L);
    }

    @Test
    void marketOrderAnswerHasNoLimitPrice() throws Exception {
        VenueOrder o = BinanceAdapters.order(mapper.readValue(Fixtures.read("http_post_order_result.json"),
                BinanceOrder.class), Instrument.of("BTC", "USDT"));
        assertThat(o.type()).isEqualTo(OrderType.MARKET);
        assertThat(o.limitPrice()).isNull();
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.side()).isEqualTo(Side.SELL);
        assertThat(o.averagePrice()).isEqualByComparingTo("1");
    }

    @Test
    void statusesAndTypes() {
        assertThat(BinanceAdapters.status("EXPIRED_IN_MATCH")).isEqualTo(OrderStatus.EXPIRED);
        assertThat(BinanceAdapters.status("PENDING_CANCEL")).isEqualTo(OrderStatus.NEW);
        assertThat(BinanceAdapters.status("REJECTED")).isEqualTo(OrderStatus.REJECTED);
        assertThat(BinanceAdapters.type("LIMIT_MAKER")).isEqualTo(OrderType.LIMIT);
        assertThat(BinanceAdapters.type("STOP_LOSS_LIMIT")).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(BinanceAdapters.type("TAKE_PROFIT")).isEqualTo(OrderType.STOP_MARKET);
        assertThatThrownBy(() -> BinanceAdapters.status("WEIRD")).hasMessageContaining("WEIRD");
        assertThatThrownBy(() -> BinanceAdapters.side("HOLD")).hasMessageContaining("HOLD");
    }

    @Test
    void tradeReportCarriesTheFill() {
        Execution x = (Execution) parser.parse(Fixtures.read("ws_execution_report_trade.json"));
        ExecutionReport r = BinanceAdapters.report("acc", x.report(), ethBtc);
        assertThat(r.account()).isEqualTo("acc");
        assertThat(r.order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(r.order().filledQuantity()).isEqualByComparingTo("0.4");
        assertThat(r.order().averagePrice()).isEqualByComparingTo("0.102644");
        Fill f = r.fill();
        assertThat(f.tradeId()).isEqualTo("77");
        assertThat(f.clientOrderId()).isEqualTo(ClientOrderId.of("mUvoqJxFIILMdfAW5iGSOW"));
        assertThat(f.venueOrderId().value()).isEqualTo("4293153");
        assertThat(f.price()).isEqualByComparingTo("0.102644");
        assertThat(f.quantity()).isEqualByComparingTo("0.4");
        assertThat(f.fee()).isEqualByComparingTo("0.0004");
        assertThat(f.feeCurrency()).isEqualTo("ETH");
        assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(f.time()).isEqualTo(1499405658699L);
    }

    @Test
    void newAndCancelReportsHaveNoFillAndCancelNamesTheOriginalOrder() {
        ExecutionReport n = BinanceAdapters.report("acc",
                ((Execution) parser.parse(Fixtures.read("ws_execution_report_new.json"))).report(), ethBtc);
        assertThat(n.fill()).isNull();
        assertThat(n.order().status()).isEqualTo(OrderStatus.NEW);
        assertThat(n.order().reason()).as("r=NONE is no reason").isNull();
        ExecutionReport c = BinanceAdapters.report("acc",
                ((Execution) parser.parse(Fixtures.read("ws_execution_report_canceled.json"))).report(), ethBtc);
        assertThat(c.order().clientOrderId()).isEqualTo(ClientOrderId.of("mUvoqJxFIILMdfAW5iGSOW"));
        assertThat(c.order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(c.fill()).isNull();
    }

    @Test
    void myTradeFill() throws Exception {
        BinanceMyTrade t = mapper.readValue(Fixtures.read("http_get_my_trades.json"), BinanceMyTrade[].class)[0];
        Fill f = BinanceAdapters.fill(t, ClientOrderId.of("x1"), Instrument.of("BNB", "BTC"));
        assertThat(f.tradeId()).isEqualTo("28457");
        assertThat(f.side()).isEqualTo(Side.BUY);
        assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(f.fee()).isEqualByComparingTo("10.1");
        assertThat(f.feeCurrency()).isEqualTo("BNB");
    }

    @Test
    void marketData() {
        Trade t = BinanceAdapters.trade("acc", ((TradeMessage) parser.parse(Fixtures.read("ws_trade.json"))).trade(), ethBtc);
        assertThat(t.aggressor()).as("buyer was maker, so the seller took").isEqualTo(Side.SELL);
        assertThat(t.tradeId()).isEqualTo("12345");
        assertThat(t.time()).isEqualTo(1672515782136L);
        Trade buy = BinanceAdapters.trade("acc", ((TradeMessage) parser.parse(Fixtures.read("ws_combined_trade.json"))).trade(), ethBtc);
        assertThat(buy.aggressor()).isEqualTo(Side.BUY);

        Ticker k = BinanceAdapters.ticker("acc", ((BookTickerMessage) parser.parse(Fixtures.read("ws_book_ticker.json"))).ticker(),
                ethBtc, 42);
        assertThat(k.bid()).isEqualByComparingTo("25.3519");
        assertThat(k.ask()).isEqualByComparingTo("25.3652");
        assertThat(k.last()).isNull();
        assertThat(k.time()).isEqualTo(42);

        Candle c = BinanceAdapters.candle("acc", ((KlineMessage) parser.parse(Fixtures.read("ws_kline.json"))).kline().kline(),
                ethBtc, Timeframe.M1);
        assertThat(c.openTime()).isEqualTo(1672515780000L);
        assertThat(c.time()).isEqualTo(1672515840000L);
        assertThat(c.high()).isEqualByComparingTo("0.0025");
        assertThat(c.volume()).isEqualByComparingTo("1000");
    }

    @Test
    void orderParameters() {
        ClientOrderId id = ClientOrderId.of("abc-1");
        assertThat(BinanceAdapters.orderParams(OrderRequest.limit(ethBtc, Side.BUY, new BigDecimal("1.500"),
                new BigDecimal("0.0500000")).withClientOrderId(id), "ETHBTC"))
                .containsExactly(entry("symbol", "ETHBTC"), entry("side", "BUY"), entry("type", "LIMIT"),
                        entry("timeInForce", "GTC"), entry("quantity", "1.5"), entry("price", "0.05"),
                        entry("newClientOrderId", "abc-1"));
        assertThat(BinanceAdapters.orderParams(OrderRequest.limit(ethBtc, Side.SELL, BigDecimal.ONE, BigDecimal.TEN)
                .withTimeInForce(TimeInForce.IOC).withClientOrderId(id), "ETHBTC")).containsEntry("timeInForce", "IOC");
        assertThat(BinanceAdapters.orderParams(OrderRequest.limit(ethBtc, Side.SELL, BigDecimal.ONE, BigDecimal.TEN)
                .withTimeInForce(TimeInForce.POST_ONLY).withClientOrderId(id), "ETHBTC"))
                .containsEntry("type", "LIMIT_MAKER").doesNotContainKey("timeInForce");
        assertThat(BinanceAdapters.orderParams(OrderRequest.market(ethBtc, Side.BUY, new BigDecimal("2")).withClientOrderId(id),
                "ETHBTC")).containsEntry("type", "MARKET").containsEntry("quantity", "2").doesNotContainKey("price");
        assertThat(BinanceAdapters.orderParams(OrderRequest.marketQuote(ethBtc, Side.BUY, new BigDecimal("0.01"))
                .withClientOrderId(id), "ETHBTC")).containsEntry("quoteOrderQty", "0.01").doesNotContainKey("quantity");
        assertThatThrownBy(() -> BinanceAdapters.orderParams(OrderRequest.stopMarket(ethBtc, Side.SELL, BigDecimal.ONE,
                BigDecimal.ONE).withClientOrderId(id), "ETHBTC")).isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("STOP_MARKET");
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }
}
