package io.cambist.security.nonce.internal;

/** Quickselect over a prefix of a {@code long[]}: the eviction floor is an order statistic of the timestamps. */
final class Select {

    private Select() {
    }

    /**
     * The k-th smallest of {@code values[0..n)} (k counts from 1); reorders the prefix.
     *
     * @throws IllegalArgumentException when k is not in 1..n
     */
    static long kthSmallest(long[] values, int n, int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k " + k + " outside 1.." + n);
        }
        int lo = 0;
        int hi = n - 1;
        int target = k - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot keeps sorted input (timestamps mostly arrive in order) linear
            long a = values[lo];
            long b = values[mid];
            long c = values[hi];
            long pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return values[target];
            }
        }
        return values[target];
    }
}
