package io.cambist.exchange.binance.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.exchange.binance.internal.dto.BinanceDepth;
import io.cambist.exchange.binance.internal.dto.BinanceDepthUpdate;
import io.cambist.exchange.binance.internal.ws.LocalOrderBook.Result;

/** The steps of web-socket-streams.md "How to manage a local order book correctly", one by one. */
class LocalOrderBookTest {

    private LocalOrderBook book;
    private int round;

    @BeforeEach
    void start() {
        book = new LocalOrderBook("acc", Instrument.of("BNB", "BTC"), "BNBBTC", 3);
        round = book.startSync();
    }

    private static List<List<BigDecimal>> levels(String... pq) {
        List<List<BigDecimal>> out = new ArrayList<>();
        for (int i = 0; i < pq.length; i += 2) {
            out.add(List.of(new BigDecimal(pq[i]), new BigDecimal(pq[i + 1])));
        }
        return out;
    }

    private static BinanceDepthUpdate diff(long first, long last, List<List<BigDecimal>> bids, List<List<BigDecimal>> asks) {
        return new BinanceDepthUpdate(last * 10, "BNBBTC", first, last, bids, asks);
    }

    private static BinanceDepth snapshot(long id) {
        return new BinanceDepth(id, levels("0.0024", "10", "0.0023", "5", "0.0022", "1", "0.0021", "1"),
                levels("0.0026", "100", "0.0027", "7"));
    }

    @Test
    void buffersDropsStaleEventsAndAppliesTheRestAfterTheSnapshot() {
        assertThat(book.onDiff(diff(150, 155, levels("0.0024", "99"), levels()))).isEqualTo(Result.BUFFERED);
        assertThat(book.onDiff(diff(156, 160, levels("0.0023", "0"), levels()))).isEqualTo(Result.BUFFERED);
        assertThat(book.onDiff(diff(161, 162, levels(), levels("0.0025", "3")))).isEqualTo(Result.BUFFERED);
        // snapshot at 157: the first event (u=155 <= 157) is dropped, the second covers 158 and is applied
        assertThat(book.onSnapshot(round, snapshot(157))).isEqualTo(Result.APPLIED);
        assertThat(book.isLive()).isTrue();
        assertThat(book.updateId()).isEqualTo(162);
        OrderBook view = book.view(0);
        assertThat(view.bids()).extracting(l -> l.price().toPlainString()).containsExactly("0.0024", "0.0022", "0.0021");
        assertThat(view.bids().get(0).quantity()).as("the stale 99 was dropped").isEqualByComparingTo("10");
        assertThat(view.asks()).extracting(l -> l.price().toPlainString()).containsExactly("0.0025", "0.0026", "0.0027");
        assertThat(view.sequence()).isEqualTo(162);
        assertThat(view.time()).isEqualTo(1620);
        assertThat(view.crossed()).isFalse();
    }

    @Test
    void aSnapshotOlderThanTheBufferedEventsIsRefetched() {
        book.onDiff(diff(200, 205, levels("0.0024", "1"), levels()));
        assertThat(book.onSnapshot(round, snapshot(150))).isEqualTo(Result.SNAPSHOT_TOO_OLD);
        assertThat(book.isLive()).isFalse();
        assertThat(book.onSnapshot(round, snapshot(201))).isEqualTo(Result.APPLIED);
        assertThat(book.view(0).bids().get(0).quantity()).isEqualByComparingTo("1");
    }

    @Test
    void staleEventsAreIgnoredAndGapsDiscardTheBook() {
        book.onSnapshot(round, snapshot(100));
        assertThat(book.onDiff(diff(101, 102, levels("0.0024", "8"), levels()))).isEqualTo(Result.APPLIED);
        assertThat(book.onDiff(diff(99, 102, levels("0.0024", "1"), levels()))).isEqualTo(Result.STALE);
        assertThat(book.view(0).bids().get(0).quantity()).isEqualByComparingTo("8");
        assertThat(book.onDiff(diff(105, 106, levels("0.0024", "2"), levels()))).as("103..104 missing").isEqualTo(Result.GAP);
        assertThat(book.isLive()).isFalse();
        assertThat(book.generation()).isEqualTo(round + 1);
        assertThat(book.onSnapshot(round, snapshot(110))).as("a snapshot for the old round").isEqualTo(Result.IGNORED);
        assertThat(book.onSnapshot(round + 1, snapshot(104))).as("the gap event is buffered and applied").isEqualTo(Result.APPLIED);
        assertThat(book.updateId()).isEqualTo(106);
    }

    @Test
    void zeroQuantityRemovesALevelAndAnOverlappingFirstEventIsApplied() {
        book.onDiff(diff(95, 103, levels("0.0024", "0"), levels("0.0026", "0")));
        assertThat(book.onSnapshot(round, snapshot(100))).isEqualTo(Result.APPLIED);
        assertThat(book.view(0).bestBid().price()).isEqualByComparingTo("0.0023");
        assertThat(book.view(0).bestAsk().price()).isEqualByComparingTo("0.0027");
    }

    @Test
    void aCrossedResultIsTreatedAsAGap() {
        book.onSnapshot(round, snapshot(100));
        assertThat(book.onDiff(diff(101, 101, levels("0.0030", "1"), levels()))).isEqualTo(Result.GAP);
        assertThat(book.isLive()).isFalse();
    }
}
