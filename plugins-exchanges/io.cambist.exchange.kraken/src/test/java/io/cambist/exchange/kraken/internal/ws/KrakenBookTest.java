package io.cambist.exchange.kraken.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.exchange.kraken.internal.Fixtures;
import io.cambist.exchange.kraken.internal.KrakenJson;
import io.cambist.exchange.kraken.internal.dto.KrakenBookData;
import io.cambist.exchange.kraken.internal.dto.KrakenBookLevel;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Book;

/**
 * The local book and its checksum against the example of Kraken's "Spot Websockets (v2) Book Checksum" guide
 * (docs.kraken.com/api/docs/guides/spot-ws-book-v2): BTC/USD at price precision 1 and quantity precision 8, whose
 * snapshot checksum is 3310070434.
 */
class KrakenBookTest {

    private final KrakenStreamParser parser = new KrakenStreamParser(KrakenJson.mapper());

    private KrakenBookData data(String fixture) {
        return ((Book) parser.parse(Fixtures.read(fixture))).data().get(0);
    }

    private KrakenBook book(int depth) {
        return new KrakenBook("kraken", Instrument.of("BTC", "USD"), "BTC/USD", depth, 1, 8);
    }

    @Test
    void documentedSnapshotChecksumMatches() {
        KrakenBook book = book(10);
        assertThat(book.snapshot(data("ws_book_snapshot.json"), 1)).isEqualTo(KrakenBook.Result.APPLIED);
        assertThat(book.checksum()).isEqualTo(3310070434L);
        assertThat(book.isLive()).isTrue();
    }

    @Test
    void digitsFollowTheDocumentedFormatting() {
        assertThat(KrakenBook.digits(new BigDecimal("45285.2"), 1)).isEqualTo("452852");
        assertThat(KrakenBook.digits(new BigDecimal("0.00100000"), 8)).isEqualTo("100000");
        assertThat(KrakenBook.digits(new BigDecimal("0.1"), 8)).as("precision restores the zeros a float drops")
                .isEqualTo("10000000");
        assertThat(KrakenBook.digits(new BigDecimal("45281.0"), 1)).isEqualTo("452810");
        assertThat(KrakenBook.digits(new BigDecimal("45281"), 1)).isEqualTo("452810");
        assertThat(KrakenBook.digits(new BigDecimal("0.05000"), 5)).isEqualTo("5000");
    }

    @Test
    void theFastDigitsAgreeWithTheDocumentedFormattingOnEveryShape() {
        java.util.List<String> values = new java.util.ArrayList<>(java.util.List.of("0", "0.0", "0E-8", "1E+3", "45281",
                "45285.2", "0.00100000", "0.1", "0.05000", "12345678901.12345678", "99999999999.99999999",
                "123456789012.12345678", "0.000000001", "1.123456789"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            values.add(BigDecimal.valueOf(random.nextLong() & 0xFFFFFFFFFFL, random.nextInt(12) - 2).toString());
        }
        for (String v : values) {
            for (int decimals : new int[] {0, 1, 5, 8, 10}) {
                StringBuilder fast = new StringBuilder();
                KrakenBook.appendDigits(fast, new BigDecimal(v), decimals);
                assertThat(fast.toString()).as("%s at %d decimals", v, decimals)
                        .isEqualTo(KrakenBook.digits(new BigDecimal(v), decimals));
            }
        }
    }

    @Test
    void updateRemovesInsertsAndTruncatesToTheDepthBeforeTheChecksum() {
        KrakenBook book = book(10);
        book.snapshot(data("ws_book_snapshot.json"), 1);
        assertThat(book.update(data("ws_book_update.json"), 2)).isEqualTo(KrakenBook.Result.APPLIED);
        OrderBook view = book.view();
        assertThat(view.bestBid().price()).isEqualByComparingTo("45283.9");
        assertThat(view.bids()).extracting(l -> l.price().toPlainString()).doesNotContain("45283.5");
        assertThat(view.bestAsk().price()).isEqualByComparingTo("45285.0");
        assertThat(view.asks()).as("the 11th ask fell out of the subscribed depth").hasSize(10)
                .extracting(l -> l.price().toPlainString()).doesNotContain("45299.5");
        assertThat(view.asks().get(1).quantity()).isEqualByComparingTo("0.003");
        assertThat(view.sequence()).isEqualTo(2);
        assertThat(view.time()).isEqualTo(java.time.Instant.parse("2023-10-06T17:35:55.440295Z").toEpochMilli());
    }

    @Test
    void mismatchDiscardsTheBookUntilTheNextSnapshot() {
        KrakenBook book = book(10);
        book.snapshot(data("ws_book_snapshot.json"), 1);
        KrakenBookData missed = new KrakenBookData("BTC/USD", List.of(new KrakenBookLevel(new BigDecimal("45283.4"),
                BigDecimal.ZERO)), List.of(), 1168330325L, null);
        assertThat(book.update(missed, 2)).isEqualTo(KrakenBook.Result.MISMATCH);
        assertThat(book.mismatch()).contains("1168330325");
        assertThat(book.isLive()).isFalse();
        assertThat(book.view().bids()).isEmpty();
        assertThat(book.update(data("ws_book_update.json"), 3)).isEqualTo(KrakenBook.Result.NOT_SYNCED);
        assertThat(book.snapshot(data("ws_book_snapshot.json"), 4)).isEqualTo(KrakenBook.Result.APPLIED);
        assertThat(book.view().sequence()).as("the sequence never goes back").isGreaterThan(2);
    }

    @Test
    void aWrongSnapshotChecksumIsAMismatchToo() {
        KrakenBookData d = data("ws_book_snapshot.json");
        KrakenBookData tampered = new KrakenBookData(d.symbol(), d.bids(), d.asks(), d.checksum() + 1, null);
        assertThat(book(10).snapshot(tampered, 1)).isEqualTo(KrakenBook.Result.MISMATCH);
    }

    @Test
    void deeperBooksStillChecksumTheTopTen() {
        KrakenBook book = book(25);
        book.snapshot(data("ws_book_snapshot.json"), 1);
        assertThat(book.update(data("ws_book_update.json"), 2)).as("the 11th ask stays at depth 25, the top 10 match")
                .isEqualTo(KrakenBook.Result.APPLIED);
        assertThat(book.view().asks()).hasSize(11);
    }
}
