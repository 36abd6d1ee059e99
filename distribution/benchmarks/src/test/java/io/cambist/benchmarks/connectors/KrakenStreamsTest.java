package io.cambist.benchmarks.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.Instrument;
import io.cambist.exchange.kraken.internal.KrakenJson;
import io.cambist.exchange.kraken.internal.dto.KrakenBookData;
import io.cambist.exchange.kraken.internal.ws.KrakenBook;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser;

class KrakenStreamsTest {

    private final KrakenStreamParser parser = new KrakenStreamParser(KrakenJson.mapper());

    private KrakenBookData only(String text) {
        return ((KrakenStreamParser.Book) parser.parse(text)).data().get(0);
    }

    private static KrakenBook book() {
        return new KrakenBook("kraken", Instrument.of("BTC", "USD"), KrakenStreams.SYMBOL, KrakenStreams.DEPTH,
                KrakenStreams.PRICE_DECIMALS, KrakenStreams.QTY_DECIMALS);
    }

    @Test
    void everyUpdateOfTheRecordedChannelMatchesItsChecksumInTheConnectorsBook() {
        KrakenStreams.BookStream stream = KrakenStreams.book(11, 5000);
        KrakenBook book = book();
        assertThat(book.snapshot(only(stream.snapshot()), 0)).isEqualTo(KrakenBook.Result.APPLIED);
        for (String text : stream.updates()) {
            assertThat(book.update(only(text), 0)).as(text).isEqualTo(KrakenBook.Result.APPLIED);
        }
        assertThat(book.view().bids()).hasSize(KrakenStreams.DEPTH);
        assertThat(book.view().asks()).hasSize(KrakenStreams.DEPTH);
        assertThat(stream.levelChanges() / 5000.0).isBetween(1.0, 3.0);
    }

    @Test
    void aWrongChecksumIsCaught() {
        KrakenStreams.BookStream stream = KrakenStreams.book(11, 10);
        KrakenBook book = book();
        book.snapshot(only(stream.snapshot()), 0);
        String update = stream.updates().get(0);
        String tampered = update.replaceFirst("\"checksum\":(\\d+)", "\"checksum\":1");
        assertThat(book.update(only(tampered), 0)).isEqualTo(KrakenBook.Result.MISMATCH);
    }

    @Test
    void theGeneratorsChecksumGivesKrakensDocumentedValue() {
        // the book snapshot of Kraken's v2 documentation (the connector's ws_book_snapshot.json fixture)
        long[][] bids = {{452835, 10000000}, {452834, 154582015}, {452821, 10000000}, {452810, 10000000},
            {452803, 154592586}, {452790, 7990000}, {452776, 3310103}, {452775, 30000000}, {452773, 154602737},
            {452766, 15445238}};
        long[][] asks = {{452852, 100000}, {452864, 154571953}, {452866, 154571109}, {452896, 154560911},
            {452902, 15890660}, {452918, 154553491}, {452947, 4454749}, {452961, 35380000}, {452975, 9945542},
            {452995, 18772827}};
        TreeMap<Long, Long> b = new TreeMap<>(Collections.reverseOrder());
        TreeMap<Long, Long> a = new TreeMap<>();
        for (long[] l : bids) {
            b.put(l[0], l[1]);
        }
        for (long[] l : asks) {
            a.put(l[0], l[1]);
        }
        assertThat(KrakenStreams.checksum(b, a)).isEqualTo(3310070434L);
    }

    @Test
    void theOtherChannelsParseIntoTheirMessages() {
        assertThat(KrakenStreams.tickers(1, 50)).allSatisfy(m -> assertThat(parser.parse(m))
                .isInstanceOf(KrakenStreamParser.Tickers.class));
        assertThat(KrakenStreams.trades(1, 50)).allSatisfy(m -> assertThat(parser.parse(m))
                .isInstanceOf(KrakenStreamParser.Trades.class));
        assertThat(KrakenStreams.ohlcs(1, 50)).allSatisfy(m -> assertThat(parser.parse(m))
                .isInstanceOf(KrakenStreamParser.Ohlcs.class));
    }
}
