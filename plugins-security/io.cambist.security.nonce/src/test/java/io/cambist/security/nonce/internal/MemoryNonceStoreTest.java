package io.cambist.security.nonce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.security.NonceResult;

class MemoryNonceStoreTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long WINDOW = 300_000;

    @TempDir
    Path dir;

    private final TestSupport.Clock clock = new TestSupport.Clock(T0);

    private MemoryNonceStore store(int maxEntries) {
        return new MemoryNonceStore(dir.resolve("snapshot.bin"), WINDOW, maxEntries, clock);
    }

    @Test
    void acceptsANonceOnceAndRefusesItsReplay() {
        MemoryNonceStore store = store(1000);
        long ts = clock.advance(1);
        assertThat(store.claim("admin", "nonce-0000000001", ts)).isEqualTo(NonceResult.ACCEPTED);
        assertThat(store.claim("admin", "nonce-0000000001", ts)).isEqualTo(NonceResult.REPLAYED);
        // nonces are per key: the same nonce under another key is a different claim
        assertThat(store.claim("ops", "nonce-0000000001", ts)).isEqualTo(NonceResult.ACCEPTED);
        // a replay with another timestamp inside the window is still a replay
        assertThat(store.claim("admin", "nonce-0000000001", ts + 5)).isEqualTo(NonceResult.REPLAYED);
        assertThat(store.stats().accepted()).isEqualTo(2);
        assertThat(store.stats().replayed()).isEqualTo(2);
        assertThat(store.stats().type()).isEqualTo("memory");
    }

    @Test
    void keyAndNonceBoundariesDoNotCollide() {
        MemoryNonceStore store = store(1000);
        long ts = clock.advance(1);
        assertThat(store.claim("ab", "cdefghijklmnopqrs", ts)).isEqualTo(NonceResult.ACCEPTED);
        assertThat(store.claim("abc", "defghijklmnopqrs", ts)).isEqualTo(NonceResult.ACCEPTED);
        assertThat(store.claim("a", "bcdefghijklmnopqrs", ts)).isEqualTo(NonceResult.ACCEPTED);
    }

    @Test
    void refusesTimestampsOutsideTheWindow() {
        MemoryNonceStore store = store(1000);
        long now = clock.advance(WINDOW * 2);
        assertThat(store.claim("k", "stale-nonce-000001", now - WINDOW - 1)).isEqualTo(NonceResult.STALE);
        assertThat(store.claim("k", "future-nonce-00001", now + WINDOW + 1)).isEqualTo(NonceResult.FUTURE);
        assertThat(store.claim("k", "edge-old-nonce-001", now - WINDOW)).isEqualTo(NonceResult.ACCEPTED);
        assertThat(store.claim("k", "edge-new-nonce-001", now + WINDOW)).isEqualTo(NonceResult.ACCEPTED);
        assertThat(store.stats().stale()).isEqualTo(1);
        assertThat(store.stats().future()).isEqualTo(1);
    }

    @Test
    void aFreshStoreRefusesTimestampsSignedBeforeItStarted() {
        MemoryNonceStore store = store(1000);
        // nothing is known about what was claimed before this start (first start or crash)
        assertThat(store.claim("k", "before-start-00001", T0 - 1000)).isEqualTo(NonceResult.STALE);
        assertThat(store.claim("k", "at-start-00000001", T0)).isEqualTo(NonceResult.STALE);
        assertThat(store.claim("k", "after-start-000001", T0 + 1)).isEqualTo(NonceResult.ACCEPTED);
    }

    @Test
    void entriesExpireWithTheWindow() {
        MemoryNonceStore store = store(1000);
        long ts = clock.advance(1);
        assertThat(store.claim("k", "expiring-nonce-01", ts)).isEqualTo(NonceResult.ACCEPTED);
        clock.advance(WINDOW + 1);
        // the old request is now stale: its replay is refused without remembering it
        assertThat(store.claim("k", "expiring-nonce-01", ts)).isEqualTo(NonceResult.STALE);
        // a new request that reuses the nonce with a fresh timestamp is a new claim
        assertThat(store.claim("k", "expiring-nonce-01", clock.getAsLong())).isEqualTo(NonceResult.ACCEPTED);
        // and expired entries are dropped, so a long run of traffic stays near rate x window
        for (int minute = 0; minute < 60; minute++) {
            long now = clock.advance(60_000);
            for (int i = 0; i < 100; i++) {
                assertThat(store.claim("k", "m" + minute + "-n" + i + "-padding", now)).isEqualTo(NonceResult.ACCEPTED);
            }
        }
        // 100 per minute and a 5 minute window: about 500 live (plus a few not yet dropped), never 6000
        assertThat(store.stats().retained()).isLessThanOrEqualTo(1000);
    }

    @Test
    void aFloodStaysBoundedAndEvictedNoncesCanNeverBeReplayed() {
        int cap = 4096;
        MemoryNonceStore store = store(cap);
        List<long[]> claimed = new ArrayList<>();
        long start = clock.advance(1);
        for (int i = 0; i < 200_000; i++) {
            if (i % 50 == 0) {
                clock.advance(1);
            }
            long ts = clock.getAsLong();
            NonceResult r = store.claim("flood", "flood-nonce-" + i, ts);
            assertThat(r).isIn(NonceResult.ACCEPTED, NonceResult.STALE);
            if (r == NonceResult.ACCEPTED) {
                claimed.add(new long[] {i, ts});
            }
            assertThat(store.stats().retained()).isLessThanOrEqualTo(cap);
        }
        // memory is bounded by the cap: 24-byte slots, tables at most 3/4 full, so about 32 bytes per entry
        assertThat(store.tableBytes()).isLessThanOrEqualTo(cap * 33L + 1024);
        assertThat(store.floor()).isGreaterThan(start);
        assertThat(claimed.size()).isGreaterThan(190_000);
        // every accepted nonce, evicted or not, is refused when replayed
        for (long[] c : claimed) {
            assertThat(store.claim("flood", "flood-nonce-" + c[0], c[1])).isIn(NonceResult.REPLAYED, NonceResult.STALE);
        }
        // and fresh traffic is still accepted
        assertThat(store.claim("flood", "after-the-flood-01", clock.advance(1))).isEqualTo(NonceResult.ACCEPTED);
    }

    @Test
    void eachNonceIsAcceptedExactlyOnceUnderManyThreads() throws Exception {
        MemoryNonceStore store = store(1_000_000);
        long ts = clock.advance(1);
        int nonces = 20_000;
        int threads = 8;
        ConcurrentClaims.assertEachAcceptedOnce(store, "same-nonce-", nonces, threads, 997, ts);
        assertThat(store.stats().accepted()).isEqualTo(nonces);
        assertThat(store.stats().replayed()).isEqualTo((long) nonces * (threads - 1));
    }

    @Test
    void handsItsNoncesToTheNextInstance() throws Exception {
        MemoryNonceStore first = store(1000);
        long ts = clock.advance(1);
        for (int i = 0; i < 100; i++) {
            assertThat(first.claim("k", "handed-over-" + i + "-xyz", ts)).isEqualTo(NonceResult.ACCEPTED);
        }
        first.close();
        assertThat(dir.resolve("snapshot.bin")).exists();

        long later = clock.advance(10);
        MemoryNonceStore second = store(1000);
        assertThat(dir.resolve("snapshot.bin")).doesNotExist();
        for (int i = 0; i < 100; i++) {
            assertThat(second.claim("k", "handed-over-" + i + "-xyz", ts)).isEqualTo(NonceResult.REPLAYED);
        }
        // requests signed just before the update are still accepted after it: no start floor after a hand-over
        assertThat(second.claim("k", "signed-before-swap", ts)).isEqualTo(NonceResult.ACCEPTED);
        assertThat(second.claim("k", "signed-after-swap1", later)).isEqualTo(NonceResult.ACCEPTED);
    }

    @Test
    void aDamagedSnapshotIsIgnoredAndTheStoreFallsBackToTheSafeFloor() throws Exception {
        MemoryNonceStore first = store(1000);
        long ts = clock.advance(1);
        first.claim("k", "claimed-before-01", ts);
        first.close();
        byte[] bytes = Files.readAllBytes(dir.resolve("snapshot.bin"));
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(dir.resolve("snapshot.bin"), bytes);

        clock.advance(5);
        MemoryNonceStore second = store(1000);
        // forgotten, but still refused: everything up to the start is stale
        assertThat(second.claim("k", "claimed-before-01", ts)).isEqualTo(NonceResult.STALE);
        assertThat(second.claim("k", "claimed-after-001", clock.advance(1))).isEqualTo(NonceResult.ACCEPTED);
    }

    @Test
    void closingUnderTrafficHandsOverEveryAcceptedClaim() throws Exception {
        MemoryNonceStore first = store(1_000_000);
        long ts = clock.advance(1);
        int threads = 4;
        java.util.concurrent.ConcurrentLinkedQueue<String> accepted = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            results.add(pool.submit(() -> {
                started.countDown();
                int refusedAfterClose = 0;
                for (int i = 0; i < 200_000; i++) {
                    String nonce = "t" + id + "-nonce-" + i + "-pad";
                    try {
                        if (first.claim("k", nonce, ts) == NonceResult.ACCEPTED) {
                            accepted.add(nonce);
                        }
                    } catch (IllegalStateException closed) {
                        refusedAfterClose++;
                        break;
                    }
                }
                return refusedAfterClose;
            }));
        }
        started.await();
        Thread.sleep(20);
        first.close();
        int stopped = 0;
        for (Future<Integer> f : results) {
            stopped += f.get();
        }
        pool.shutdown();
        assertThat(stopped).as("claimers that saw the store close").isPositive();
        assertThatThrownBy(() -> first.claim("k", "after-close-nonce-1", ts)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("claim again");

        MemoryNonceStore second = store(1_000_000);
        for (String nonce : accepted) {
            assertThat(second.claim("k", nonce, ts)).as(nonce).isEqualTo(NonceResult.REPLAYED);
        }
    }
}
