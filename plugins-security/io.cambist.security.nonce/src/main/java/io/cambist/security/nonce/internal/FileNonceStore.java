package io.cambist.security.nonce.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.security.NonceResult;
import io.cambist.api.security.NonceStoreStats;

/**
 * The durable nonce store: the {@link NonceTable} in memory plus an append-only log under {@code data/nonces/}.
 * A claim is ACCEPTED only after its record is fsynced; concurrent claimers share one fsync (group commit: whoever
 * finds no flush running writes everything pending, the others wait for it). On open the log is replayed, damaged
 * records (a torn tail after a crash) are skipped, and the log is rewritten with only the live entries; it is
 * compacted the same way whenever it has doubled (plus a minimum) since the last rewrite.
 */
final class FileNonceStore implements ManagedNonceStore {

    static final long DEFAULT_COMPACT_MIN_RECORDS = 1 << 16;

    private final Logger logger = LoggerFactory.getLogger(FileNonceStore.class);

    private final Path dir;
    private final Path logFile;
    private final long windowMillis;
    private final LongSupplier clock;
    private final long compactMinRecords;
    private final NonceTable table;
    private final long seed1;
    private final long seed2;
    private final Fingerprint.Maker fingerprints;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private final Object appendLock = new Object();
    private ByteBuffer pending = ByteBuffer.allocate(NonceLog.RECORD_SIZE * 256);
    private ByteBuffer spare = ByteBuffer.allocate(NonceLog.RECORD_SIZE * 256);
    private long appended;
    private boolean closed;

    private final ReentrantLock flushLock = new ReentrantLock();
    private final Condition flushed = flushLock.newCondition();
    private boolean flushing;
    private long durable;
    private IOException failure;

    /** Guarded by the flusher role (only one thread flushes at a time) or appendLock during compaction. */
    private FileChannel channel;
    private long recordsInFile;
    private long liveAtRewrite;

    private final LongAdder accepted = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder future = new LongAdder();
    private final LongAdder fsyncs = new LongAdder();

    FileNonceStore(Path dir, long windowMillis, int maxEntries, LongSupplier clock) {
        this(dir, windowMillis, maxEntries, clock, DEFAULT_COMPACT_MIN_RECORDS);
    }

    FileNonceStore(Path dir, long windowMillis, int maxEntries, LongSupplier clock, long compactMinRecords) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("nonce window must be positive, not " + windowMillis + " ms");
        }
        this.dir = dir;
        this.logFile = dir.resolve(NonceConstants.LOG_FILE);
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.compactMinRecords = compactMinRecords;
        this.table = new NonceTable(maxEntries);
        try {
            Files.createDirectories(dir);
            this.lockChannel = FileChannel.open(dir.resolve(NonceConstants.LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock acquired;
            try {
                acquired = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                acquired = null;
            }
            if (acquired == null) {
                lockChannel.close();
                throw new IllegalStateException("nonce folder " + dir + " is in use by another nonce store; "
                        + "stop the other container or give this one its own data folder");
            }
            this.lock = acquired;
            long now = clock.getAsLong();
            if (Files.exists(logFile)) {
                NonceLog.Header[] header = new NonceLog.Header[1];
                long expiredBefore = now - windowMillis;
                long[] loaded = new long[1];
                NonceLog.RecordSink sink = (h1, h2, ts) -> {
                    if (ts >= expiredBefore && table.insert(h1, h2, ts, expiredBefore) == NonceResult.ACCEPTED) {
                        loaded[0]++;
                    }
                };
                long damaged;
                try {
                    damaged = NonceLog.scan(logFile, header, (h1, h2, ts) -> {
                        if (header[0] != null && table.floor() < header[0].floor()) {
                            table.raiseFloor(header[0].floor());
                        }
                        sink.record(h1, h2, ts);
                    });
                } catch (IOException e) {
                    release();
                    throw new IllegalStateException(e.getMessage() + ": move it away to start with an empty nonce store", e);
                }
                table.raiseFloor(header[0].floor());
                this.seed1 = header[0].seed1();
                this.seed2 = header[0].seed2();
                if (damaged > 0) {
                    logger.warn("nonce log {}: skipped {} damaged record(s), a torn tail left by a crash "
                            + "(never acknowledged)", logFile, damaged);
                }
                logger.info("nonce store reopened {} with {} live nonces", logFile, loaded[0]);
            } else {
                SecureRandom random = new SecureRandom();
                this.seed1 = random.nextLong();
                this.seed2 = random.nextLong();
                // nothing is known about earlier claims: refuse every timestamp up to now (see MemoryNonceStore)
                table.raiseFloor(now);
            }
            this.fingerprints = new Fingerprint.Maker(seed1, seed2);
            rewrite(now);
        } catch (IOException e) {
            release();
            throw new UncheckedIOException("cannot open the nonce store in " + dir + ": " + e.getMessage(), e);
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
        if (result == NonceResult.REPLAYED) {
            replayed.increment();
            return result;
        }
        if (result != NonceResult.ACCEPTED) {
            stale.increment();
            return result;
        }
        long sequence;
        synchronized (appendLock) {
            if (closed) {
                throw new IllegalStateException("nonce store " + dir + " is closed");
            }
            if (pending.remaining() < NonceLog.RECORD_SIZE) {
                ByteBuffer bigger = ByteBuffer.allocate(pending.capacity() * 2);
                pending.flip();
                bigger.put(pending);
                pending = bigger;
            }
            NonceLog.putRecord(pending, f.h1(), f.h2(), timestampMillis);
            sequence = ++appended;
        }
        awaitDurable(sequence);
        accepted.increment();
        return NonceResult.ACCEPTED;
    }

    /** Returns once record {@code sequence} is on disk; flushes everything pending itself when nobody else is. */
    private void awaitDurable(long sequence) {
        flushLock.lock();
        try {
            while (durable < sequence) {
                if (failure != null) {
                    throw new UncheckedIOException("nonce store " + logFile + " cannot write: " + failure.getMessage()
                            + "; requests are refused until it is fixed and the store restarted", failure);
                }
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                flushLock.unlock();
                long target = 0;
                IOException error = null;
                try {
                    target = flushPending();
                } catch (IOException e) {
                    error = e;
                } finally {
                    flushLock.lock();
                    flushing = false;
                    if (error == null) {
                        durable = Math.max(durable, target);
                    } else {
                        failure = error;
                        logger.error("nonce store {} cannot write: {}", logFile, error.getMessage());
                    }
                    flushed.signalAll();
                }
            }
        } finally {
            flushLock.unlock();
        }
    }

    /** Writes and fsyncs the pending records (the flusher role); returns the last sequence now durable. */
    private long flushPending() throws IOException {
        ByteBuffer batch;
        long target;
        synchronized (appendLock) {
            batch = pending;
            pending = spare;
            spare = batch;
            target = appended;
        }
        batch.flip();
        int records = batch.remaining() / NonceLog.RECORD_SIZE;
        while (batch.hasRemaining()) {
            channel.write(batch);
        }
        batch.clear();
        channel.force(false);
        fsyncs.increment();
        recordsInFile += records;
        // rewrite once the log has doubled since the last rewrite (and grown by a minimum): amortised O(1) per record
        if (recordsInFile > compactMinRecords + 2 * liveAtRewrite) {
            synchronized (appendLock) {
                // every appended record is in the table (insert happens before append) or below the floor, which
                // the new header keeps: the rewrite makes all of them durable
                rewrite(clock.getAsLong());
                pending.clear();
                target = appended;
            }
        }
        return target;
    }

    /** Replaces the log with a header and the live entries (temp, fsync, rename) and reopens it for appending. */
    private void rewrite(long now) throws IOException {
        Path temp = dir.resolve(NonceConstants.LOG_FILE + ".tmp");
        long[] count = new long[1];
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.allocate(NonceLog.RECORD_SIZE * 2048);
            NonceLog.putHeader(buf, seed1, seed2, table.floor());
            IOException[] error = new IOException[1];
            table.forEach(now - windowMillis, (h1, h2, ts) -> {
                if (error[0] != null) {
                    return;
                }
                try {
                    if (buf.remaining() < NonceLog.RECORD_SIZE) {
                        buf.flip();
                        while (buf.hasRemaining()) {
                            out.write(buf);
                        }
                        buf.clear();
                    }
                    NonceLog.putRecord(buf, h1, h2, ts);
                    count[0]++;
                } catch (IOException e) {
                    error[0] = e;
                }
            });
            if (error[0] != null) {
                throw error[0];
            }
            buf.flip();
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            out.force(true);
        }
        AtomicFiles.move(temp, logFile);
        AtomicFiles.syncDirectory(dir);
        if (channel != null) {
            channel.close();
        }
        channel = FileChannel.open(logFile, StandardOpenOption.WRITE);
        channel.position(channel.size());
        recordsInFile = count[0];
        liveAtRewrite = count[0];
    }

    @Override
    public long windowMillis() {
        return windowMillis;
    }

    @Override
    public NonceStoreStats stats() {
        return new NonceStoreStats("file", windowMillis, table.size(), accepted.sum(), replayed.sum(), stale.sum(),
                future.sum());
    }

    /** fsyncs done since open (group commit makes this smaller than the accepted count under concurrency). */
    long fsyncs() {
        return fsyncs.sum();
    }

    /** Records in the log file now. */
    long recordsInFile() {
        flushLock.lock();
        try {
            return recordsInFile;
        } finally {
            flushLock.unlock();
        }
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        table.close();
        long last;
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            closed = true;
            last = appended;
        }
        try {
            awaitDurable(last);
        } catch (UncheckedIOException e) {
            logger.warn("nonce store {} closed with unwritten records: {}", logFile, e.getMessage());
        }
        try {
            channel.close();
        } catch (IOException e) {
            logger.warn("could not close {}: {}", logFile, e.getMessage());
        }
        release();
    }

    private void release() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            logger.warn("could not release the lock on {}: {}", dir, e.getMessage());
        }
    }
}
