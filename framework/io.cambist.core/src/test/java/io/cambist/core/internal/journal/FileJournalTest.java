package io.cambist.core.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.core.internal.journal.JournalRecord.ExitSaved;
import io.cambist.core.internal.journal.JournalRecord.FillApplied;
import io.cambist.core.internal.journal.JournalRecord.IdEpoch;
import io.cambist.core.internal.journal.JournalRecord.InstanceRemoved;
import io.cambist.core.internal.journal.JournalRecord.OrderSaved;
import io.cambist.core.internal.journal.JournalRecord.PositionSaved;
import io.cambist.core.internal.journal.JournalRecord.SnapshotSaved;

class FileJournalTest {

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");

    @TempDir
    Path dir;

    static List<JournalRecord> sample() {
        Order o = new Order(ClientOrderId.of("cb0000000001"), new VenueOrderId("v-7"), "paper", "demo", ETH_BTC, Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, new BigDecimal("1.50"), null, new BigDecimal("0.0984"), null,
                OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.5"), new BigDecimal("0.0983"), new BigDecimal("0.0000491"),
                "BTC", "grid:level-3", null, 1000L, 2000L);
        Fill f = new Fill("t-1", o.clientOrderId(), new VenueOrderId("v-7"), ETH_BTC, Side.BUY, new BigDecimal("0.0983"),
                new BigDecimal("0.5"), new BigDecimal("0.0000491"), "BTC", Liquidity.MAKER, 1500L);
        return List.of(new IdEpoch(123L), new OrderSaved(o, List.of("t-1")),
                new FillApplied("paper", "demo", f, new BigDecimal("0.0000491")),
                new SnapshotSaved("demo", new StrategySnapshot(3, Map.of("a", "1", "unicode", "é€"))),
                new ExitSaved("demo", new ExitRules(null, new BigDecimal("2"), null, new BigDecimal("1"),
                        new BigDecimal("0.5")), true, new BigDecimal("0.1")),
                new ExitSaved("other", null, false, null), new InstanceRemoved("gone"),
                new PositionSaved("paper", null, ETH_BTC, new BigDecimal("-1.25"), new BigDecimal("0.1"),
                        new BigDecimal("0.003"), new BigDecimal("0.0001"), 17_500L, BigDecimal.ZERO));
    }

    private List<JournalRecord> reopen() {
        List<JournalRecord> got = new ArrayList<>();
        FileJournal.open(dir, 1 << 20, got::add).close();
        return got;
    }

    @Test
    void everyRecordTypeSurvivesARestartUnchanged() {
        try (FileJournal j = FileJournal.open(dir, 1 << 20, r -> {
        })) {
            for (JournalRecord r : sample()) {
                j.append(r, r instanceof OrderSaved);
            }
        }
        assertThat(reopen()).containsExactlyElementsOf(sample());
    }

    @Test
    void aTornLastRecordIsCutOffKeptAsideAndNothingBeforeItIsLost() throws IOException {
        Path segment;
        try (FileJournal j = FileJournal.open(dir, 1 << 20, r -> {
        })) {
            for (JournalRecord r : sample()) {
                j.append(r, false);
            }
            segment = j.segment();
        }
        long full = Files.size(segment);
        int lastLength = FileJournal.frame(RecordCodec.encode(sample().get(sample().size() - 1))).remaining();
        // a crash at every possible point inside the last record
        for (int cut = 1; cut < lastLength; cut += 7) {
            try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                ch.truncate(full - cut);
            }
            List<JournalRecord> got = reopen();
            assertThat(got).containsExactlyElementsOf(sample().subList(0, sample().size() - 1));
            assertThat(Files.size(segment)).isEqualTo(full - lastLength);
            // restore the full record for the next round
            try (FileJournal j = FileJournal.open(dir, 1 << 20, r -> {
            })) {
                j.append(sample().get(sample().size() - 1), true);
            }
            assertThat(Files.size(segment)).isEqualTo(full);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".torn-")).count()).isPositive();
        }
    }

    @Test
    void aFlippedByteInTheLastRecordIsCaughtByTheChecksum() throws IOException {
        Path segment;
        try (FileJournal j = FileJournal.open(dir, 1 << 20, r -> {
        })) {
            sample().forEach(r -> j.append(r, false));
            segment = j.segment();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(segment, bytes);
        assertThat(reopen()).containsExactlyElementsOf(sample().subList(0, sample().size() - 1));
        // appends after the cut go on normally
        try (FileJournal j = FileJournal.open(dir, 1 << 20, r -> {
        })) {
            j.append(new InstanceRemoved("after"), true);
        }
        assertThat(reopen()).endsWith(new InstanceRemoved("after"));
    }

    @Test
    void checkpointStartsANewSegmentWithTheStateAndDeletesTheOldOne() throws IOException {
        Path first;
        try (FileJournal j = FileJournal.open(dir, 200, r -> {
        })) {
            first = j.segment();
            for (int i = 0; i < 20; i++) {
                j.append(new InstanceRemoved("x" + i), false);
            }
            assertThat(j.wantsCheckpoint()).isTrue();
            j.checkpoint(List.of(new IdEpoch(9), new InstanceRemoved("kept")));
            assertThat(j.wantsCheckpoint()).isFalse();
            assertThat(j.segment()).isNotEqualTo(first);
            j.append(new InstanceRemoved("later"), false);
        }
        assertThat(first).doesNotExist();
        assertThat(reopen()).containsExactly(new IdEpoch(9), new InstanceRemoved("kept"), new InstanceRemoved("later"));
    }

    @Test
    void aStateLargerThanTheLimitIsCheckpointedOnlyAfterAsMuchAgainIsAppended() throws IOException {
        try (FileJournal j = FileJournal.open(dir, 200, r -> {
        })) {
            List<JournalRecord> big = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                big.add(new InstanceRemoved("state-" + i));
            }
            j.checkpoint(big);
            long afterCheckpoint = Files.size(j.segment());
            assertThat(afterCheckpoint).as("the state alone is over the limit").isGreaterThan(200);
            assertThat(j.wantsCheckpoint()).isFalse();
            int appended = 0;
            while (!j.wantsCheckpoint()) {
                j.append(new InstanceRemoved("a" + appended++), false);
            }
            assertThat(Files.size(j.segment()) - afterCheckpoint).isGreaterThan(afterCheckpoint);
            assertThat(appended).isGreaterThan(20);
        }
        // reopened, the appends are counted from the opened size
        try (FileJournal j = FileJournal.open(dir, 200, r -> {
        })) {
            assertThat(j.wantsCheckpoint()).isFalse();
        }
    }

    @Test
    void anOlderSegmentLeftByACrashAfterTheCheckpointRenameIsIgnored() throws IOException {
        try (FileJournal j = FileJournal.open(dir, 1 << 20, r -> {
        })) {
            j.append(new InstanceRemoved("old"), true);
        }
        Path old = dir.resolve("journal-000001.log");
        Files.copy(old, dir.resolve("journal-000002.log"));
        Files.write(dir.resolve("journal-000003.log.tmp"), new byte[] {1, 2, 3});
        List<JournalRecord> got = reopen();
        assertThat(got).containsExactly(new InstanceRemoved("old"));
        assertThat(old).doesNotExist();
        assertThat(dir.resolve("journal-000003.log.tmp")).doesNotExist();
    }

    @Test
    void aFileThatIsNotAJournalIsAClearErrorAndIsLeftAlone() throws IOException {
        Path bogus = dir.resolve("journal-000001.log");
        Files.writeString(bogus, "hello");
        assertThatThrownBy(() -> FileJournal.open(dir, 1 << 20, r -> {
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("not a Cambist journal")
                .hasMessageContaining("move it");
        assertThat(Files.readString(bogus)).isEqualTo("hello");
    }
}
