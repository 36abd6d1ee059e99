package io.cambist.benchmarks.engine;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept exactly (a growing array, sorted when read): percentiles without a histogram's
 * rounding, for the few hundred thousand samples a probe takes. Thread-safe for one writer and occasional readers.
 */
public final class Samples {

    private long[] values = new long[1 << 12];
    private int size;

    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized void clear() {
        size = 0;
    }

    /** The value at quantile {@code q} (0 to 1) by the nearest-rank method, or 0 when empty. */
    public synchronized long quantile(double q) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.min(size - 1, Math.max(0, rank - 1))];
    }

    /** p50, p90, p99, p99.9 and max in microseconds, one line. */
    public String summary() {
        return String.format("n=%,d p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f us", size(), quantile(0.5) / 1e3,
                quantile(0.9) / 1e3, quantile(0.99) / 1e3, quantile(0.999) / 1e3, quantile(1.0) / 1e3);
    }
}
