package io.cambist.exchange.kraken.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.cambist.exchange.kraken.internal.Fixtures;
import io.cambist.exchange.kraken.internal.KrakenJson;
import io.cambist.exchange.kraken.internal.dto.KrakenBookData;
import io.cambist.exchange.kraken.internal.dto.KrakenExecution;
import io.cambist.exchange.kraken.internal.dto.KrakenOhlc;
import io.cambist.exchange.kraken.internal.dto.KrakenTicker;
import io.cambist.exchange.kraken.internal.dto.KrakenTrade;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Ack;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Book;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Executions;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Heartbeat;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Ignored;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Ohlcs;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Pong;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Status;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Tickers;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Trades;

/** Every WebSocket v2 message kind and DTO against captured-style payloads (field names as in Kraken's v2 reference). */
class KrakenStreamParserTest {

    private final KrakenStreamParser parser = new KrakenStreamParser(KrakenJson.mapper());

    @Test
    void bookSnapshotKeepsEveryDigit() {
        Book b = (Book) parser.parse(Fixtures.read("ws_book_snapshot.json"));
        assertThat(b.snapshot()).isTrue();
        KrakenBookData d = b.data().get(0);
        assertThat(d.symbol()).isEqualTo("BTC/USD");
        assertThat(d.bids()).hasSize(10);
        assertThat(d.asks()).hasSize(10);
        assertThat(d.bids().get(0).price().toPlainString()).isEqualTo("45283.5");
        assertThat(d.bids().get(0).qty().toPlainString()).as("trailing zeros survive parsing").isEqualTo("0.10000000");
        assertThat(d.checksum()).isEqualTo(3310070434L);
    }

    @Test
    void bookUpdate() {
        Book b = (Book) parser.parse(Fixtures.read("ws_book_update.json"));
        assertThat(b.snapshot()).isFalse();
        KrakenBookData d = b.data().get(0);
        assertThat(d.bids()).extracting(l -> l.qty().signum()).containsExactly(0, 1);
        assertThat(d.asks().get(1).price()).isEqualByComparingTo("45285.0");
        assertThat(d.timestamp()).isEqualTo("2023-10-06T17:35:55.440295Z");
        assertThat(d.checksum()).isEqualTo(1168330325L);
    }

    @Test
    void ticker() {
        Tickers t = (Tickers) parser.parse(Fixtures.read("ws_ticker_update.json"));
        KrakenTicker k = t.data().get(0);
        assertThat(t.type()).isEqualTo("update");
        assertThat(k.symbol()).isEqualTo("ETH/BTC");
        assertThat(k.bid()).isEqualByComparingTo("0.05209");
        assertThat(k.bidQty()).isEqualByComparingTo("12.5");
        assertThat(k.ask()).isEqualByComparingTo("0.0521");
        assertThat(k.askQty()).isEqualByComparingTo("3.21");
        assertThat(k.last()).isEqualByComparingTo("0.05209");
        assertThat(k.volume()).isEqualByComparingTo("1523.87642");
        assertThat(k.vwap()).isEqualByComparingTo("0.05198");
        assertThat(k.low()).isEqualByComparingTo("0.05101");
        assertThat(k.high()).isEqualByComparingTo("0.05262");
        assertThat(k.change()).isEqualByComparingTo("0.00073");
        assertThat(k.changePct()).isEqualByComparingTo("1.42");
        assertThat(k.timestamp()).isEqualTo("2023-10-06T17:35:55.440295Z");
    }

    @Test
    void trades() {
        Trades t = (Trades) parser.parse(Fixtures.read("ws_trade_update.json"));
        assertThat(t.data()).hasSize(2);
        KrakenTrade first = t.data().get(0);
        assertThat(first.symbol()).isEqualTo("ETH/BTC");
        assertThat(first.side()).isEqualTo("sell");
        assertThat(first.price()).isEqualByComparingTo("0.05209");
        assertThat(first.qty()).isEqualByComparingTo("0.35");
        assertThat(first.ordType()).isEqualTo("market");
        assertThat(first.tradeId()).isEqualTo(4665906L);
        assertThat(t.data().get(1).tradeId()).isEqualTo(4665907L);
    }

    @Test
    void ohlcSnapshotAndUpdate() {
        Ohlcs snap = (Ohlcs) parser.parse(Fixtures.read("ws_ohlc_snapshot.json"));
        assertThat(snap.type()).isEqualTo("snapshot");
        assertThat(snap.data()).hasSize(3);
        Ohlcs upd = (Ohlcs) parser.parse(Fixtures.read("ws_ohlc_update.json"));
        KrakenOhlc c = upd.data().get(0);
        assertThat(c.symbol()).isEqualTo("ETH/BTC");
        assertThat(c.open()).isEqualByComparingTo("0.05212");
        assertThat(c.trades()).isEqualTo(1L);
        assertThat(c.volume()).isEqualByComparingTo("0.75");
        assertThat(c.vwap()).isEqualByComparingTo("0.05212");
        assertThat(c.intervalBegin()).isEqualTo("2023-10-04T16:27:00.000000000Z");
        assertThat(c.interval()).isEqualTo(1);
    }

    @Test
    void executionsSnapshotNewTradeAndCancel() {
        Executions snap = (Executions) parser.parse(Fixtures.read("ws_executions_snapshot.json"));
        assertThat(snap.type()).isEqualTo("snapshot");
        assertThat(snap.sequence()).isEqualTo(1L);
        assertThat(snap.data().get(0).orderStatus()).isEqualTo("partially_filled");
        assertThat(snap.data().get(0).postOnly()).isTrue();

        Executions trade = (Executions) parser.parse(Fixtures.read("ws_executions_trade.json"));
        assertThat(trade.sequence()).isEqualTo(3L);
        KrakenExecution e = trade.data().get(0);
        assertThat(e.execType()).isEqualTo("trade");
        assertThat(e.orderId()).isEqualTo("OUF4EM-FRGI2-MQMWZD");
        assertThat(e.clOrdId()).isEqualTo("ct1a2b3cx7");
        assertThat(e.symbol()).isEqualTo("ETH/BTC");
        assertThat(e.side()).isEqualTo("buy");
        assertThat(e.orderType()).isEqualTo("limit");
        assertThat(e.orderQty()).isEqualByComparingTo("1.25");
        assertThat(e.limitPrice()).isEqualByComparingTo("0.045");
        assertThat(e.orderStatus()).isEqualTo("partially_filled");
        assertThat(e.cumQty()).isEqualByComparingTo("1");
        assertThat(e.cumCost()).isEqualByComparingTo("0.045");
        assertThat(e.avgPrice()).isEqualByComparingTo("0.045");
        assertThat(e.timeInForce()).isEqualTo("GTC");
        assertThat(e.execId()).isEqualTo("TCCCTY-WJ6EO-4FP4VZ");
        assertThat(e.tradeId()).isEqualTo(40274859L);
        assertThat(e.lastQty()).isEqualByComparingTo("1");
        assertThat(e.lastPrice()).isEqualByComparingTo("0.045");
        assertThat(e.cost()).isEqualByComparingTo("0.045");
        assertThat(e.liquidityInd()).isEqualTo("m");
        assertThat(e.fees()).singleElement().satisfies(f -> {
            assertThat(f.asset()).isEqualTo("XBT");
            assertThat(f.qty()).isEqualByComparingTo("0.000117");
        });
        assertThat(e.timestamp()).isEqualTo("2023-07-06T18:03:20.274100Z");

        KrakenExecution cancel = ((Executions) parser.parse(Fixtures.read("ws_executions_canceled.json"))).data().get(0);
        assertThat(cancel.execType()).isEqualTo("canceled");
        assertThat(cancel.reason()).isEqualTo("User requested");
        assertThat(cancel.side()).as("a cancel event only carries what changed").isNull();
        KrakenExecution created = ((Executions) parser.parse(Fixtures.read("ws_executions_new.json"))).data().get(0);
        assertThat(created.execType()).isEqualTo("new");
        assertThat(created.orderStatus()).isEqualTo("new");
    }

    @Test
    void answersHeartbeatAndStatus() {
        Ack ok = (Ack) parser.parse(Fixtures.read("ws_subscribe_ack.json"));
        assertThat(ok.method()).isEqualTo("subscribe");
        assertThat(ok.success()).isTrue();
        assertThat(ok.channel()).isEqualTo("book");
        assertThat(ok.symbol()).isEqualTo("ETH/BTC");
        assertThat(ok.reqId()).isEqualTo(7L);
        Ack refused = (Ack) parser.parse(Fixtures.read("ws_subscribe_error.json"));
        assertThat(refused.success()).isFalse();
        assertThat(refused.error()).isEqualTo("Currency pair not supported");
        assertThat(((Pong) parser.parse(Fixtures.read("ws_pong.json"))).reqId()).isEqualTo(101L);
        assertThat(parser.parse(Fixtures.read("ws_heartbeat.json"))).isInstanceOf(Heartbeat.class);
        assertThat(((Status) parser.parse(Fixtures.read("ws_status.json"))).system()).isEqualTo("online");
        assertThat(parser.parse("{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{}}"))
                .isInstanceOf(Ignored.class);
    }

    @Test
    void dataBeforeChannelIsStillBound() {
        Trades t = (Trades) parser.parse("{\"data\":[{\"symbol\":\"ETH/BTC\",\"side\":\"buy\",\"price\":0.05,"
                + "\"qty\":1,\"ord_type\":\"limit\",\"trade_id\":9,\"timestamp\":\"2023-10-06T17:35:55Z\"}],"
                + "\"type\":\"update\",\"channel\":\"trade\"}");
        assertThat(t.data().get(0).tradeId()).isEqualTo(9L);
    }

    @Test
    void malformedMessagesAreRefusedWithAReason() {
        assertThatThrownBy(() -> parser.parse("{\"channel\": [1, 2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> parser.parse("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"channel\":\"book\",\"type\":\"update\"}"))
                .hasMessageContaining("without data");
        assertThatThrownBy(() -> parser.parse("{\"foo\":1}")).hasMessageContaining("neither");
        assertThatThrownBy(() -> parser.parse("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"price\":\"x\"}]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
