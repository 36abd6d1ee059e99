package io.cambist.benchmarks.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.exchange.binance.internal.BinanceJson;
import io.cambist.exchange.binance.internal.dto.BinanceDepth;
import io.cambist.exchange.binance.internal.dto.BinanceDepthUpdate;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser;
import io.cambist.exchange.binance.internal.ws.LocalOrderBook;

class BinanceStreamsTest {

    private final ObjectMapper mapper = BinanceJson.mapper();
    private final BinanceStreamParser parser = new BinanceStreamParser(mapper);

    @Test
    void theRecordedDiffStreamAppliesCleanlyToTheConnectorsBook() throws Exception {
        BinanceStreams.DepthStream stream = BinanceStreams.depth(7, 1000, 3000, 40);
        BinanceDepth snapshot = mapper.readValue(stream.snapshot(), BinanceDepth.class);
        assertThat(snapshot.bids()).hasSize(1000);
        assertThat(snapshot.asks()).hasSize(1000);
        LocalOrderBook book = new LocalOrderBook("binance", Instrument.of("BTC", "USDT"), "BTCUSDT", 20);
        assertThat(book.onSnapshot(book.startSync(), snapshot)).isEqualTo(LocalOrderBook.Result.APPLIED);
        long previous = snapshot.lastUpdateId();
        long changes = 0;
        for (String text : stream.diffs()) {
            BinanceDepthUpdate u = ((BinanceStreamParser.Depth) parser.parse(text)).update();
            assertThat(u.firstUpdateId()).isEqualTo(previous + 1);
            previous = u.lastUpdateId();
            changes += u.bids().size() + u.asks().size();
            // a gap, a stale event or a crossed book would not be APPLIED
            assertThat(book.onDiff(u)).isEqualTo(LocalOrderBook.Result.APPLIED);
        }
        assertThat(changes).isEqualTo(stream.levelChanges());
        assertThat(changes / 3000.0).isBetween(8.0, 25.0);
        OrderBook top = book.view(0);
        assertThat(top.bids()).hasSize(20);
        assertThat(top.asks()).hasSize(20);
        assertThat(top.bids().get(0).price()).isLessThan(top.asks().get(0).price());
    }

    @Test
    void theOtherStreamsParseIntoTheirMessages() {
        assertThat(BinanceStreams.trades(1, 50)).allSatisfy(m -> assertThat(parser.parse(m))
                .isInstanceOf(BinanceStreamParser.TradeMessage.class));
        assertThat(BinanceStreams.bookTickers(1, 50)).allSatisfy(m -> assertThat(parser.parse(m))
                .isInstanceOf(BinanceStreamParser.BookTickerMessage.class));
        List<String> klines = BinanceStreams.klines(1, 50);
        assertThat(klines).allSatisfy(m -> assertThat(parser.parse(m))
                .isInstanceOf(BinanceStreamParser.KlineMessage.class));
        BinanceStreamParser.KlineMessage closed = (BinanceStreamParser.KlineMessage) parser.parse(klines.get(9));
        assertThat(closed.kline().kline().closed()).isTrue();
    }

    @Test
    void decimalsAreWrittenAsBinanceWritesThem() {
        assertThat(BinanceStreams.decimal(3_000_001, 2, 8)).isEqualTo("30000.01000000");
        assertThat(BinanceStreams.decimal(51_200_000, 8, 8)).isEqualTo("0.51200000");
        assertThat(BinanceStreams.decimal(452_835, 1, 1)).isEqualTo("45283.5");
    }
}
