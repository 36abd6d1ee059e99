package io.cambist.security.nonce.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.security.NonceResult;
import io.cambist.api.security.NonceStoreStats;

/**
 * The in-memory nonce store: a bounded {@link NonceTable}. On {@link #close()} it hands its live entries to the next
 * instance through a snapshot file, so updating the bundle (or a clean restart) loses no replay protection. Started
 * without a snapshot (first start, or after a crash) it refuses every timestamp up to its start as stale, so a request
 * signed before the start cannot be replayed either.
 */
final class MemoryNonceStore implements ManagedNonceStore {

    private final Logger logger = LoggerFactory.getLogger(MemoryNonceStore.class);

    private final Path snapshotFile;
    private final long windowMillis;
    private final LongSupplier clock;
    private final NonceTable table;
    private final long seed1;
    private final long seed2;
    private final Fingerprint.Maker fingerprints;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder future = new LongAdder();

    /**
     * @param snapshotFile where to hand over on close and take over on open, or {@code null} for none
     * @param windowMillis how far from now a timestamp may be
     * @param maxEntries   the most nonces kept at once
     * @param clock        epoch milliseconds
     */
    MemoryNonceStore(Path snapshotFile, long windowMillis, int maxEntries, LongSupplier clock) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("nonce window must be positive, not " + windowMillis + " ms");
        }
        this.snapshotFile = snapshotFile;
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.table = new NonceTable(maxEntries);
        NonceSnapshot previous = takeOver();
        if (previous != null) {
            this.seed1 = previous.seed1();
            this.seed2 = previous.seed2();
            table.raiseFloor(previous.floor());
            long expiredBefore = clock.getAsLong() - windowMillis;
            long[] e = previous.entries();
            for (int i = 0; i < e.length; i += 3) {
                if (e[i + 2] >= expiredBefore) {
                    table.insert(e[i], e[i + 1], e[i + 2], expiredBefore);
                }
            }
            logger.info("nonce store took over {} remembered nonces from the previous instance", table.size());
        } else {
            SecureRandom random = new SecureRandom();
            this.seed1 = random.nextLong();
            this.seed2 = random.nextLong();
            // nothing is known about nonces claimed before this start (a crash, or a first start): refuse every
            // timestamp up to now, so that a request captured before the start can never be replayed after it
            table.raiseFloor(clock.getAsLong());
        }
        this.fingerprints = new Fingerprint.Maker(seed1, seed2);
    }

    private NonceSnapshot takeOver() {
        if (snapshotFile == null || !Files.exists(snapshotFile)) {
            return null;
        }
        try {
            NonceSnapshot snapshot = NonceSnapshot.read(snapshotFile);
            Files.delete(snapshotFile);
            return snapshot;
        } catch (IOException e) {
            logger.warn("ignored the nonce snapshot {}: {}; nonces claimed before it was written are forgotten",
                    snapshotFile, e.getMessage());
            return null;
        }
    }

    @Override
    public NonceResult claim(String keyId, String nonce, long timestampMillis) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        long now = clock.getAsLong();
        if (timestampMillis < now - windowMillis) {
            stale.increment();
            return NonceResult.STALE;
        }
        if (timestampMillis > now + windowMillis) {
            future.increment();
            return NonceResult.FUTURE;
        }
        Fingerprint f = fingerprints.of(keyId, nonce);
        NonceResult result = table.insert(f.h1(), f.h2(), timestampMillis, now - windowMillis);
        switch (result) {
            case ACCEPTED -> accepted.increment();
            case REPLAYED -> replayed.increment();
            default -> stale.increment();
        }
        return result;
    }

    @Override
    public long windowMillis() {
        return windowMillis;
    }

    @Override
    public NonceStoreStats stats() {
        return new NonceStoreStats("memory", windowMillis, table.size(), accepted.sum(), replayed.sum(), stale.sum(),
                future.sum());
    }

    /** The current floor (for tests and statistics). */
    long floor() {
        return table.floor();
    }

    /** Bytes held by the hash tables. */
    long tableBytes() {
        return table.tableBytes();
    }

    @Override
    public void close() {
        table.close();
        if (snapshotFile == null) {
            return;
        }
        try {
            NonceSnapshot snapshot = NonceSnapshot.of(seed1, seed2, table, clock.getAsLong() - windowMillis);
            snapshot.write(snapshotFile);
            logger.info("nonce store handed {} remembered nonces over in {}", snapshot.entries().length / 3, snapshotFile);
        } catch (IOException e) {
            logger.warn("could not write the nonce snapshot {}: {}; the next instance starts empty", snapshotFile,
                    e.getMessage());
        }
    }
}
