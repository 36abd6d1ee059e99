package io.cambist.exchange.binance.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.cambist.exchange.binance.internal.BinanceJson;
import io.cambist.exchange.binance.internal.Fixtures;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.Ack;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.BookTickerMessage;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.Depth;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.Execution;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.Ignored;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.KlineMessage;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.ListenKeyExpired;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.ServerShutdown;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.TradeMessage;

/** Every stream DTO against captured-style payloads (web-socket-streams.md, user-data-stream.md). */
class BinanceStreamParserTest {

    private final BinanceStreamParser parser = new BinanceStreamParser(BinanceJson.mapper());

    @Test
    void combinedTrade() {
        TradeMessage t = (TradeMessage) parser.parse(Fixtures.read("ws_combined_trade.json"));
        assertThat(t.stream()).isEqualTo("bnbbtc@trade");
        assertThat(t.trade().symbol()).isEqualTo("BNBBTC");
        assertThat(t.trade().tradeId()).isEqualTo(12345);
        assertThat(t.trade().price()).isEqualByComparingTo("0.001");
        assertThat(t.trade().quantity()).isEqualByComparingTo("100");
        assertThat(t.trade().tradeTime()).isEqualTo(1672515782136L);
        assertThat(t.trade().buyerMaker()).isFalse();
    }

    @Test
    void rawTrade() {
        TradeMessage t = (TradeMessage) parser.parse(Fixtures.read("ws_trade.json"));
        assertThat(t.trade().buyerMaker()).isTrue();
        assertThat(t.trade().eventTime()).isEqualTo(1672515782136L);
    }

    @Test
    void kline() {
        KlineMessage k = (KlineMessage) parser.parse(Fixtures.read("ws_kline.json"));
        assertThat(k.kline().symbol()).isEqualTo("BNBBTC");
        assertThat(k.kline().kline().openTime()).isEqualTo(1672515780000L);
        assertThat(k.kline().kline().closeTime()).isEqualTo(1672515839999L);
        assertThat(k.kline().kline().interval()).isEqualTo("1m");
        assertThat(k.kline().kline().open()).isEqualByComparingTo("0.0010");
        assertThat(k.kline().kline().close()).isEqualByComparingTo("0.0020");
        assertThat(k.kline().kline().high()).isEqualByComparingTo("0.0025");
        assertThat(k.kline().kline().low()).isEqualByComparingTo("0.0015");
        assertThat(k.kline().kline().volume()).isEqualByComparingTo("1000");
        assertThat(k.kline().kline().closed()).isFalse();
    }

    @Test
    void bookTickerEvenWhenDataComesFirst() {
        BookTickerMessage b = (BookTickerMessage) parser.parse(Fixtures.read("ws_book_ticker.json"));
        assertThat(b.ticker().updateId()).isEqualTo(400900217L);
        assertThat(b.ticker().bid()).isEqualByComparingTo("25.3519");
        assertThat(b.ticker().bidQty()).isEqualByComparingTo("31.21");
        assertThat(b.ticker().ask()).isEqualByComparingTo("25.3652");
        assertThat(b.ticker().askQty()).isEqualByComparingTo("40.66");
        BookTickerMessage reordered = (BookTickerMessage) parser.parse(Fixtures.read("ws_combined_data_first.json"));
        assertThat(reordered.ticker()).isEqualTo(b.ticker());
    }

    @Test
    void depthUpdate() {
        Depth d = (Depth) parser.parse(Fixtures.read("ws_depth_update.json"));
        assertThat(d.update().symbol()).isEqualTo("BNBBTC");
        assertThat(d.update().firstUpdateId()).isEqualTo(157);
        assertThat(d.update().lastUpdateId()).isEqualTo(160);
        assertThat(d.update().eventTime()).isEqualTo(1672515782136L);
        assertThat(d.update().bids()).hasSize(1);
        assertThat(d.update().asks()).hasSize(2);
        assertThat(d.update().asks().get(1).get(1).signum()).isZero();
    }

    @Test
    void controlAnswers() {
        assertThat(parser.parse(Fixtures.read("ws_subscribe_ack.json"))).isEqualTo(new Ack(1, null));
        Ack error = (Ack) parser.parse(Fixtures.read("ws_subscribe_error.json"));
        assertThat(error.id()).isEqualTo(7);
        assertThat(error.error()).startsWith("Invalid request");
    }

    @Test
    void executionReports() {
        Execution n = (Execution) parser.parse(Fixtures.read("ws_execution_report_new.json"));
        assertThat(n.report().executionType()).isEqualTo("NEW");
        assertThat(n.report().status()).isEqualTo("NEW");
        assertThat(n.report().tradeId()).isEqualTo(-1);
        assertThat(n.report().commissionAsset()).isNull();
        assertThat(n.report().orderId()).isEqualTo(4293153);
        assertThat(n.report().origClientOrderId()).isEmpty();

        Execution t = (Execution) parser.parse(Fixtures.read("ws_execution_report_trade.json"));
        assertThat(t.report().executionType()).isEqualTo("TRADE");
        assertThat(t.report().tradeId()).isEqualTo(77);
        assertThat(t.report().lastQuantity()).isEqualByComparingTo("0.4");
        assertThat(t.report().lastPrice()).isEqualByComparingTo("0.102644");
        assertThat(t.report().cumulativeQuantity()).isEqualByComparingTo("0.4");
        assertThat(t.report().cumulativeQuote()).isEqualByComparingTo("0.0410576");
        assertThat(t.report().commission()).isEqualByComparingTo("0.0004");
        assertThat(t.report().commissionAsset()).isEqualTo("ETH");
        assertThat(t.report().maker()).isTrue();
        assertThat(t.report().transactionTime()).isEqualTo(1499405658699L);

        Execution c = (Execution) parser.parse(Fixtures.read("ws_execution_report_canceled.json"));
        assertThat(c.report().clientOrderId()).isEqualTo("cancelRequest42");
        assertThat(c.report().origClientOrderId()).isEqualTo("mUvoqJxFIILMdfAW5iGSOW");
    }

    @Test
    void accountEventsShutdownAndExpiry() {
        assertThat(parser.parse(Fixtures.read("ws_account_position.json"))).isEqualTo(new Ignored("outboundAccountPosition"));
        assertThat(parser.parse(Fixtures.read("ws_listen_key_expired.json"))).isInstanceOf(ListenKeyExpired.class);
        assertThat(parser.parse(Fixtures.read("ws_server_shutdown.json"))).isInstanceOf(ServerShutdown.class);
    }

    @Test
    void malformedMessagesAreRefusedWithAReason() {
        assertThatThrownBy(() -> parser.parse("{\"stream\":\"x@trade\",\"data\":{\"e\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> parser.parse("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"e\":\"somethingNew\"}")).hasMessageContaining("somethingNew");
        assertThatThrownBy(() -> parser.parse("{\"stream\":\"x@trade\"}")).hasMessageContaining("without data");
        assertThatThrownBy(() -> parser.parse("{\"stream\":\"x@trade\",\"data\":{\"t\":\"notanumber\"}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
