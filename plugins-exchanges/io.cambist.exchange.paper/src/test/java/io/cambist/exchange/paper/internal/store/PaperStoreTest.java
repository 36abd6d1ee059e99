package io.cambist.exchange.paper.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.Timeframe;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;
import io.cambist.exchange.paper.internal.engine.EngineOrder;

/** The account's files: journal and snapshot round trips, torn tails, corruption and the directory lock. */
class PaperStoreTest {

    static final Instrument BTC_USDT = Instrument.of("BTC", "USDT");
    static final AccountHeader HEADER = new AccountHeader("paper", BTC_USDT, "k1-", "synthetic:seed=1", 60_000);

    @TempDir
    Path dir;

    private static EngineOrder order(String id, OrderStatus status, String reason) {
        return EngineOrder.restore(new EngineOrder.Terms(1, ClientOrderId.of(id), new VenueOrderId("k1-1"), Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, new BigDecimal("0.5"), null, new BigDecimal("99.5"), null, 120_000),
                status, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, reason, 180_000, false, new BigDecimal("49.85"));
    }

    private static Fill fill(String tradeId) {
        return new Fill(tradeId, ClientOrderId.of("a"), new VenueOrderId("k1-1"), BTC_USDT, Side.BUY,
                new BigDecimal("99.5"), new BigDecimal("0.5"), new BigDecimal("0.04975"), "USDT", Liquidity.MAKER, 240_000);
    }

    private StoredState reopen() throws IOException {
        try (PaperStore store = new PaperStore(dir, 1 << 20)) {
            return store.load();
        }
    }

    @Test
    void anEmptyDirectoryIsANewAccount() throws IOException {
        assertThat(reopen()).isNull();
    }

    @Test
    void snapshotAndJournalEntriesRoundTripWithTheLastRecordWinning() throws IOException {
        Candle latest = new Candle("paper", BTC_USDT, Timeframe.M1, 60_000, new BigDecimal("100"), new BigDecimal("101"),
                new BigDecimal("99"), new BigDecimal("100.5"), new BigDecimal("3.25"));
        try (PaperStore store = new PaperStore(dir, 1 << 20)) {
            assertThat(store.load()).isNull();
            store.snapshot(List.of(StateCodec.header(HEADER), StateCodec.counters(1, 1),
                    StateCodec.balance("USDT", new BigDecimal("10000"), BigDecimal.ZERO), StateCodec.market(0, null)));
            store.append(List.of(StateCodec.counters(2, 1), StateCodec.balance("USDT", new BigDecimal("9950.15"),
                    new BigDecimal("49.85")), StateCodec.order(order("a", OrderStatus.NEW, null))), true);
            store.append(List.of(StateCodec.market(1, latest)), false);
            store.append(List.of(StateCodec.counters(2, 2), StateCodec.order(order("a", OrderStatus.FILLED,
                    "odd | reason ~ with\ttabs\nand lines %41")), StateCodec.fill(fill("k1-T1"))), true);
        }
        StoredState s = reopen();
        assertThat(s.header()).isEqualTo(HEADER);
        assertThat(s.nextOrder()).isEqualTo(2);
        assertThat(s.nextTrade()).isEqualTo(2);
        assertThat(s.balances().get("USDT")[0]).isEqualByComparingTo("9950.15");
        assertThat(s.balances().get("USDT")[1]).isEqualByComparingTo("49.85");
        assertThat(s.orders()).hasSize(1);
        EngineOrder o = s.orders().get(0);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.reason()).isEqualTo("odd | reason ~ with\ttabs\nand lines %41");
        assertThat(o.terms().limitPrice()).isEqualByComparingTo("99.5");
        assertThat(o.terms().quoteQuantity()).isNull();
        assertThat(o.locked()).isEqualByComparingTo("49.85");
        assertThat(s.fills()).containsExactly(fill("k1-T1"));
        assertThat(s.published()).isEqualTo(1);
        assertThat(s.latest()).isEqualTo(latest);
    }

    @Test
    void aTornLastEntryIsSkippedAndCutOffKeepingEverythingBefore() throws IOException {
        writeAccountWithOneOrder();
        Path journal = dir.resolve(PaperStore.JOURNAL);
        long good = Files.size(journal);
        Files.writeString(journal, "3 0badc0de O|half a rec", StandardOpenOption.APPEND);

        StoredState s = reopen();
        assertThat(s.orders()).extracting(o -> o.terms().clientOrderId().value()).containsExactly("a");
        assertThat(Files.size(journal)).isEqualTo(good);

        // a complete last line whose checksum does not match is torn too
        Files.writeString(journal, "3 0badc0de N|9|9\n", StandardOpenOption.APPEND);
        assertThat(reopen().nextOrder()).isEqualTo(2);
        assertThat(Files.size(journal)).isEqualTo(good);

        // and appending after a cut-off continues the sequence cleanly
        try (PaperStore store = new PaperStore(dir, 1 << 20)) {
            store.load();
            store.append(List.of(StateCodec.counters(3, 1)), true);
        }
        assertThat(reopen().nextOrder()).isEqualTo(3);
    }

    @Test
    void aCorruptEntryBeforeTheLastStopsTheAccountInsteadOfLosingData() throws IOException {
        writeAccountWithOneOrder();
        try (PaperStore store = new PaperStore(dir, 1 << 20)) {
            store.load();
            store.append(List.of(StateCodec.counters(3, 1)), true);
        }
        Path journal = dir.resolve(PaperStore.JOURNAL);
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(2);
        Files.writeString(journal, text.replaceFirst("\\|a\\|", "|b|"));
        assertThatThrownBy(this::reopen).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is damaged: entry 1 is corrupt (its checksum does not match)")
                .hasMessageContaining("restore the directory");
    }

    @Test
    void aDamagedSnapshotIsReported() throws IOException {
        writeAccountWithOneOrder();
        Path snap = dir.resolve(PaperStore.SNAPSHOT);
        Files.writeString(snap, Files.readString(snap).replace("10000", "90000"));
        assertThatThrownBy(this::reopen).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("its checksum does not match");
    }

    @Test
    void aSnapshotFoldsTheJournalAndOldEntriesAreNotReappliedAfterACrashBeforeTheCut() throws IOException {
        writeAccountWithOneOrder();
        Path journal = dir.resolve(PaperStore.JOURNAL);
        byte[] before = Files.readAllBytes(journal);
        try (PaperStore store = new PaperStore(dir, 10)) {
            StoredState s = store.load();
            assertThat(store.needsCompaction()).isTrue();
            store.snapshot(List.of(StateCodec.header(HEADER), StateCodec.counters(5, 1),
                    StateCodec.balance("USDT", new BigDecimal("1"), BigDecimal.ZERO)));
            assertThat(Files.size(journal)).isZero();
            assertThat(s.nextOrder()).isEqualTo(2);
        }
        // simulate a crash between the snapshot rename and the journal cut: the old entries come back
        Files.write(journal, before);
        StoredState s = reopen();
        assertThat(s.nextOrder()).isEqualTo(5);
        assertThat(s.orders()).isEmpty();
        assertThat(s.balances().get("USDT")[0]).isEqualByComparingTo("1");
    }

    @Test
    void oneDirectoryServesOneAccountAtATime() throws IOException {
        PaperStore first = new PaperStore(dir, 1 << 20);
        assertThatThrownBy(() -> new PaperStore(dir, 1 << 20)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by another connector or process");
        first.close();
        new PaperStore(dir, 1 << 20).close();
    }

    private void writeAccountWithOneOrder() throws IOException {
        try (PaperStore store = new PaperStore(dir, 1 << 20)) {
            store.load();
            store.snapshot(List.of(StateCodec.header(HEADER), StateCodec.counters(1, 1),
                    StateCodec.balance("USDT", new BigDecimal("10000"), BigDecimal.ZERO)));
            store.append(List.of(StateCodec.counters(2, 1), StateCodec.order(order("a", OrderStatus.NEW, null))), true);
        }
    }
}
