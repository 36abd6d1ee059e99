package io.cambist.security.nonce.internal;

import java.util.concurrent.atomic.AtomicLong;

import io.cambist.api.security.NonceResult;

/**
 * The bounded, thread-safe set of claimed nonce fingerprints with their timestamps, shared by both stores.
 *
 * <p>Striped open-addressing hash tables (one lock each) hold {@code (h1, h2, timestamp)} triples in one {@code long[]}.
 * Expired entries are dropped whenever a segment fills up. When a segment reaches its share of {@code maxEntries}
 * even after that, its oldest half is evicted and the <em>floor</em> is raised to the newest evicted timestamp:
 * from then on every claim at or below the floor is refused as stale, so an evicted nonce can never be replayed and
 * memory never grows past the cap, whatever the traffic.
 */
final class NonceTable {

    /** Visits one entry. */
    interface Visitor {
        void visit(long h1, long h2, long timestamp);
    }

    private static final long EMPTY = Long.MIN_VALUE;
    private static final int MIN_CAPACITY = 16;

    private final Segment[] segments;
    private final int segmentShift;
    private final int segmentLimit;
    /** Slots per segment at the limit: 3/4 full, so probes stay short; any size, not a power of two. */
    private final int maxCapacity;
    private final AtomicLong floor = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean closed;

    NonceTable(int maxEntries) {
        if (maxEntries < 16) {
            throw new IllegalArgumentException("maxEntries " + maxEntries + " is too small: use at least 16");
        }
        // up to 256 stripes: less lock contention, and tables small enough not to be "humongous" G1 objects
        int count = Math.min(256, Integer.highestOneBit(Math.max(1, maxEntries / 1024)));
        this.segmentShift = 64 - Integer.numberOfTrailingZeros(count);
        this.segmentLimit = (maxEntries + count - 1) / count;
        this.maxCapacity = Math.max(MIN_CAPACITY, (int) Math.min(Integer.MAX_VALUE / 3, segmentLimit * 4L / 3 + 2));
        this.segments = new Segment[count];
        for (int i = 0; i < count; i++) {
            segments[i] = new Segment();
        }
    }

    /**
     * Records a fingerprint unless it is there already.
     *
     * @param expiredBefore entries with a timestamp below this are expired (they no longer count as claimed)
     * @return ACCEPTED when recorded now, REPLAYED when already recorded, STALE when at or below the floor
     */
    NonceResult insert(long h1, long h2, long timestamp, long expiredBefore) {
        if (timestamp <= floor.get()) {
            return NonceResult.STALE;
        }
        Segment segment = segments[segmentShift == 64 ? 0 : (int) (h1 >>> segmentShift)];
        synchronized (segment) {
            if (closed) {
                throw new IllegalStateException("the nonce store is closed (it is being replaced): claim again");
            }
            // the floor may have been raised by an eviction in this segment while we waited for the lock
            if (timestamp <= floor.get()) {
                return NonceResult.STALE;
            }
            return segment.insert(h1, h2, timestamp, expiredBefore);
        }
    }

    /**
     * Refuses every later insert. An insert that got its segment's lock before this call completes before a
     * following {@link #forEach} visits that segment, so a hand-over snapshot taken after closing misses no accepted
     * claim.
     */
    void close() {
        closed = true;
    }

    /** The timestamp at or below which every claim is refused (Long.MIN_VALUE when nothing was evicted). */
    long floor() {
        return floor.get();
    }

    /** Raises the floor (never lowers it), e.g. to the floor a previous store recorded. */
    void raiseFloor(long value) {
        floor.accumulateAndGet(value, Math::max);
    }

    /** Entries held, including expired ones not yet dropped. */
    long size() {
        long n = 0;
        for (Segment s : segments) {
            n += s.count;
        }
        return n;
    }

    /** Bytes held by the tables themselves. */
    long tableBytes() {
        long n = 0;
        for (Segment s : segments) {
            n += 16L + 8L * s.slots.length;
        }
        return n;
    }

    /** Visits every live entry (timestamp at or above {@code expiredBefore} and above the floor), segment by segment. */
    void forEach(long expiredBefore, Visitor visitor) {
        for (Segment s : segments) {
            synchronized (s) {
                long f = floor.get();
                long[] slots = s.slots;
                for (int i = 0; i < slots.length; i += 3) {
                    long ts = slots[i + 2];
                    if (ts != EMPTY && ts >= expiredBefore && ts > f) {
                        visitor.visit(slots[i], slots[i + 1], ts);
                    }
                }
            }
        }
    }

    /** One stripe: linear probing over (h1, h2, timestamp) triples; guarded by its own monitor. */
    private final class Segment {
        long[] slots = newSlots(MIN_CAPACITY);
        int capacity = MIN_CAPACITY;
        int count;

        NonceResult insert(long h1, long h2, long timestamp, long expiredBefore) {
            while (true) {
                int i = index(h2, capacity);
                while (true) {
                    int at = i * 3;
                    long ts = slots[at + 2];
                    if (ts == EMPTY) {
                        break;
                    }
                    if (slots[at] == h1 && slots[at + 1] == h2) {
                        if (ts < expiredBefore) {
                            // the earlier use left the window: this is a new claim
                            slots[at + 2] = timestamp;
                            return NonceResult.ACCEPTED;
                        }
                        return NonceResult.REPLAYED;
                    }
                    if (++i == capacity) {
                        i = 0;
                    }
                }
                if (count + 1 > Math.min(segmentLimit, threshold(capacity))) {
                    makeRoom(expiredBefore);
                    if (timestamp <= floor.get()) {
                        return NonceResult.STALE;
                    }
                    continue;
                }
                int at = i * 3;
                slots[at] = h1;
                slots[at + 1] = h2;
                slots[at + 2] = timestamp;
                count++;
                return NonceResult.ACCEPTED;
            }
        }

        /** Drops dead entries (expired, or at or below the floor); grows; evicts the oldest half when at the limit. */
        private void makeRoom(long expiredBefore) {
            // EMPTY is Long.MIN_VALUE, so one comparison also skips empty slots
            long keepAbove = Math.max(floor.get(), expiredBefore - 1);
            long[] stamps = new long[count];
            int live = 0;
            for (int i = 2; i < slots.length; i += 3) {
                long ts = slots[i];
                if (ts > keepAbove) {
                    stamps[live++] = ts;
                }
            }
            int newCapacity = capacity;
            // grow (doubling, up to the limit's size) until the live entries fill at most half the new table
            while (live + 1 > threshold(newCapacity) / 2 && newCapacity < maxCapacity) {
                newCapacity = (int) Math.min(maxCapacity, 2L * newCapacity);
            }
            if (live + 1 > segmentLimit) {
                // full: drop the oldest half and refuse everything at or below the newest of them from now on; half,
                // not less, so that a flood pays for this scan once per half a segment of claims
                int evict = live + 1 - segmentLimit / 2;
                long newFloor = Select.kthSmallest(stamps, live, evict);
                keepAbove = Math.max(keepAbove, floor.accumulateAndGet(newFloor, Math::max));
            }
            rebuild(newCapacity, keepAbove);
        }

        /** Copies the entries strictly above {@code keepAbove} into a table of the given capacity. */
        private void rebuild(int newCapacity, long keepAbove) {
            long[] old = slots;
            long[] fresh = newSlots(newCapacity);
            int n = 0;
            for (int j = 0; j < old.length; j += 3) {
                long ts = old[j + 2];
                if (ts == EMPTY || ts <= keepAbove) {
                    continue;
                }
                long h2 = old[j + 1];
                int i = index(h2, newCapacity);
                while (fresh[i * 3 + 2] != EMPTY) {
                    if (++i == newCapacity) {
                        i = 0;
                    }
                }
                fresh[i * 3] = old[j];
                fresh[i * 3 + 1] = h2;
                fresh[i * 3 + 2] = ts;
                n++;
            }
            slots = fresh;
            capacity = newCapacity;
            count = n;
        }
    }

    /** Three quarters of the slots: the most entries a table of that size takes. */
    private static int threshold(int capacity) {
        return capacity - (capacity >>> 2);
    }

    /** Maps the fingerprint's high 32 bits onto 0..capacity-1 (multiply-shift, for any capacity). */
    private static int index(long h2, int capacity) {
        return (int) (((h2 >>> 32) * capacity) >>> 32);
    }

    private static long[] newSlots(int capacity) {
        long[] slots = new long[capacity * 3];
        for (int i = 2; i < slots.length; i += 3) {
            slots[i] = EMPTY;
        }
        return slots;
    }
}
