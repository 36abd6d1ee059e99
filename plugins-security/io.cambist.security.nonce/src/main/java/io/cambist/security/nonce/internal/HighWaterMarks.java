package io.cambist.security.nonce.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.cambist.api.security.KeyAliases;

/**
 * Strictly increasing outbound nonces per key alias ({@code max(now, last + 1)}), safe across threads, restarts and
 * bundle updates: before handing out a value above the persisted high-water mark it reserves a block
 * ({@code value + block}) with an atomic, fsynced write, so most calls do no I/O; after a restart it starts above the
 * reserved mark, so no value can ever repeat.
 */
final class HighWaterMarks {

    private final Path dir;
    private final long block;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Mark> marks = new ConcurrentHashMap<>();

    /** The state of one alias; its monitor serialises the alias's callers. */
    private static final class Mark {
        long last;
        long reserved;
    }

    HighWaterMarks(Path dir, long block, LongSupplier clock) {
        if (block < 1) {
            throw new IllegalArgumentException("nonce reservation block must be at least 1, not " + block);
        }
        this.dir = dir;
        this.block = block;
        this.clock = clock;
    }

    long next(String alias) {
        KeyAliases.check(alias);
        Mark mark = marks.computeIfAbsent(alias, this::load);
        synchronized (mark) {
            long candidate = Math.max(clock.getAsLong(), mark.last + 1);
            if (candidate > mark.reserved) {
                long reserve = candidate + block;
                persist(alias, reserve);
                mark.reserved = reserve;
            }
            mark.last = candidate;
            return candidate;
        }
    }

    private Mark load(String alias) {
        Mark mark = new Mark();
        Path file = file(alias);
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
                mark.reserved = Long.parseLong(text);
                // values up to the reserved mark may have been handed out before the restart
                mark.last = mark.reserved;
            }
            return mark;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("nonce high-water mark " + file + " is unreadable (" + e.getMessage()
                    + "); put a number above every nonce used with key '" + alias + "' in it", e);
        }
    }

    private void persist(String alias, long reserve) {
        try {
            AtomicFiles.write(file(alias), (reserve + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the nonce high-water mark for key '" + alias + "' in " + dir
                    + ": " + e.getMessage(), e);
        }
    }

    private Path file(String alias) {
        return dir.resolve(alias + ".hwm");
    }
}
