package io.cambist.security.nonce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.security.NonceResult;

class FileNonceStoreTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long WINDOW = 300_000;

    @TempDir
    Path dir;

    private final TestSupport.Clock clock = new TestSupport.Clock(T0);

    private FileNonceStore open(Path where) {
        return new FileNonceStore(where, WINDOW, 100_000, clock);
    }

    @Test
    void aNonceClaimedBeforeARestartIsRefusedAfterIt() {
        FileNonceStore store = open(dir);
        long ts = clock.advance(1);
        for (int i = 0; i < 50; i++) {
            assertThat(store.claim("admin", "restart-nonce-" + i, ts)).isEqualTo(NonceResult.ACCEPTED);
        }
        store.close();

        clock.advance(1000);
        FileNonceStore reopened = open(dir);
        for (int i = 0; i < 50; i++) {
            assertThat(reopened.claim("admin", "restart-nonce-" + i, ts)).isEqualTo(NonceResult.REPLAYED);
        }
        // requests signed before the restart but never claimed are still welcome (no start floor on reopen)
        assertThat(reopened.claim("admin", "signed-before-restart", ts)).isEqualTo(NonceResult.ACCEPTED);
        assertThat(reopened.stats().type()).isEqualTo("file");
        reopened.close();
    }

    @Test
    void survivesACrashAndIgnoresATornTail() throws Exception {
        FileNonceStore store = open(dir);
        long ts = clock.advance(1);
        for (int i = 0; i < 20; i++) {
            assertThat(store.claim("k", "crash-nonce-" + i, ts)).isEqualTo(NonceResult.ACCEPTED);
        }
        // a crash: the process dies now; ACCEPTED means fsynced, so the file as it is now is what survives.
        // Copy it aside (the live store keeps its lock) and add what a crash mid-write leaves behind.
        Path crashed = Files.createDirectory(dir.resolve("crashed"));
        Files.copy(store.logFile(), crashed.resolve(NonceConstants.LOG_FILE));
        store.close();
        long goodSize = Files.size(crashed.resolve(NonceConstants.LOG_FILE));
        ByteBuffer garbage = ByteBuffer.allocate(NonceLog.RECORD_SIZE + 13);
        for (int i = 0; i < garbage.capacity(); i++) {
            garbage.put((byte) (i * 31));
        }
        garbage.flip();
        Files.write(crashed.resolve(NonceConstants.LOG_FILE), garbage.array(), StandardOpenOption.APPEND);

        FileNonceStore recovered = open(crashed);
        for (int i = 0; i < 20; i++) {
            assertThat(recovered.claim("k", "crash-nonce-" + i, ts)).isEqualTo(NonceResult.REPLAYED);
        }
        assertThat(recovered.claim("k", "after-the-crash-01", clock.advance(1))).isEqualTo(NonceResult.ACCEPTED);
        recovered.close();
        // the damaged tail was dropped when the log was rewritten on open
        assertThat(Files.size(crashed.resolve(NonceConstants.LOG_FILE))).isEqualTo(goodSize + NonceLog.RECORD_SIZE);
        assertThat(open(crashed).claim("k", "after-the-crash-01", clock.getAsLong())).isEqualTo(NonceResult.REPLAYED);
    }

    @Test
    void aFreshStoreRefusesTimestampsSignedBeforeItStarted() {
        FileNonceStore store = open(dir);
        assertThat(store.claim("k", "before-start-00001", T0 - 10)).isEqualTo(NonceResult.STALE);
        assertThat(store.claim("k", "after-start-000001", T0 + 1)).isEqualTo(NonceResult.ACCEPTED);
        store.close();
    }

    @Test
    void concurrentClaimersShareFsyncsAndEachNonceIsAcceptedOnce() throws Exception {
        FileNonceStore store = open(dir);
        long ts = clock.advance(1);
        int nonces = 400;
        int threads = 8;
        ConcurrentClaims.assertEachAcceptedOnce(store, "grouped-nonce-", nonces, threads, 53, ts);
        assertThat(store.stats().accepted()).isEqualTo(nonces);
        // group commit: 8 claimers at once share fsyncs
        assertThat(store.fsyncs()).isLessThan(nonces);
        store.close();
        FileNonceStore reopened = open(dir);
        for (int i = 0; i < nonces; i++) {
            assertThat(reopened.claim("shared", "grouped-nonce-" + i, ts)).isEqualTo(NonceResult.REPLAYED);
        }
        reopened.close();
    }

    @Test
    void compactsExpiredEntriesAway() {
        FileNonceStore store = new FileNonceStore(dir, 1_000, 100_000, clock, 100);
        for (int round = 0; round < 10; round++) {
            long ts = clock.advance(2_000);
            for (int i = 0; i < 60; i++) {
                assertThat(store.claim("k", "round-" + round + "-nonce-" + i, ts)).isEqualTo(NonceResult.ACCEPTED);
            }
        }
        // 600 records written, but only the last round is live: the log was rewritten along the way
        assertThat(store.recordsInFile()).isLessThan(200);
        long ts = clock.getAsLong();
        store.close();
        FileNonceStore reopened = new FileNonceStore(dir, 1_000, 100_000, clock, 100);
        assertThat(reopened.claim("k", "round-9-nonce-5", ts)).isEqualTo(NonceResult.REPLAYED);
        assertThat(reopened.recordsInFile()).isEqualTo(60);
        reopened.close();
    }

    @Test
    void refusesASecondStoreOnTheSameFolder() {
        FileNonceStore store = open(dir);
        assertThatThrownBy(() -> open(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another nonce store");
        store.close();
        open(dir).close();
    }

    @Test
    void refusesAFileThatIsNotANonceLog() throws Exception {
        Files.writeString(dir.resolve(NonceConstants.LOG_FILE), "this is not a nonce log at all, but text");
        assertThatThrownBy(() -> open(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a Cambist nonce log").hasMessageContaining("move it away");
        // the lock was released on the way out
        Files.delete(dir.resolve(NonceConstants.LOG_FILE));
        open(dir).close();
    }
}
