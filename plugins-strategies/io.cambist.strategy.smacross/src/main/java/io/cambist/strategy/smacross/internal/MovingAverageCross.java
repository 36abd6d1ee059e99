package io.cambist.strategy.smacross.internal;

import java.math.BigDecimal;

/**
 * A fast and a slow simple moving average of closes and their crossings, exact and O(1) per close with no allocation
 * on the usual path. Closes are kept as whole numbers of {@code 10^-scale} in a ring, with running sums; the averages
 * are compared by cross-multiplying the sums with the periods ({@code sumFast × slow} against {@code sumSlow × fast})
 * in 128-bit arithmetic, so nothing is ever rounded. A close that does not fit (more than 18 decimals, or sums beyond
 * 64 bits) switches the instance to exact {@link BigDecimal} sums for good.
 */
final class MovingAverageCross {

    /** The relation of the averages is not known yet (too few closes). */
    static final int UNDEFINED = 2;

    private static final int START_SCALE = 8;
    private static final int MAX_SCALE = 18;
    private static final long[] POW10 = new long[MAX_SCALE + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final int fast;
    private final int slow;
    private final BigDecimal[] closes;
    private final long[] units;
    private int count;
    private int head;
    private int scale = START_SCALE;
    private boolean exact = true;
    private long sumFast;
    private long sumSlow;
    private BigDecimal bigFast;
    private BigDecimal bigSlow;
    private int previous = UNDEFINED;

    MovingAverageCross(int fast, int slow) {
        if (fast < 1 || slow <= fast) {
            throw new IllegalArgumentException("need 1 <= fast < slow, got fast " + fast + ", slow " + slow);
        }
        this.fast = fast;
        this.slow = slow;
        this.closes = new BigDecimal[slow];
        this.units = new long[slow];
    }

    /**
     * Adds the close of the next candle.
     *
     * @return +1 when the fast average crossed above the slow one at this close (it was at or below it at the previous
     *         close), -1 when it crossed below (it was at or above), 0 otherwise or while either average is undefined
     */
    int add(BigDecimal close) {
        int leavingFast = count >= fast ? (head - fast + slow) % slow : -1;
        boolean full = count == slow;
        if (exact && !addExact(close, leavingFast, full)) {
            switchToBigDecimal();
        }
        if (!exact) {
            if (leavingFast >= 0) {
                bigFast = bigFast.subtract(closes[leavingFast]);
            }
            if (full) {
                bigSlow = bigSlow.subtract(closes[head]);
            }
            bigFast = bigFast.add(close);
            bigSlow = bigSlow.add(close);
        }
        closes[head] = close;
        head = head + 1 == slow ? 0 : head + 1;
        if (!full) {
            count++;
        }
        if (count < slow) {
            return 0;
        }
        int now = compare();
        int before = previous;
        previous = now;
        if (before == UNDEFINED) {
            return 0;
        }
        if (before <= 0 && now > 0) {
            return 1;
        }
        return before >= 0 && now < 0 ? -1 : 0;
    }

    /** Updates the whole-number ring and sums; false when the close does not fit (nothing was changed then). */
    private boolean addExact(BigDecimal close, int leavingFast, boolean full) {
        int s = close.scale();
        if (s > scale && !rescale(s)) {
            return false;
        }
        long u;
        try {
            // movePointRight(s) of a value with scale s is its unscaled value: one short-lived object at most
            u = s >= 0 ? Math.multiplyExact(close.movePointRight(s).longValueExact(), POW10[scale - s])
                    : close.movePointRight(scale).longValueExact();
        } catch (ArithmeticException tooLarge) {
            return false;
        }
        long f = sumFast;
        long sl = sumSlow;
        try {
            if (leavingFast >= 0) {
                f = Math.subtractExact(f, units[leavingFast]);
            }
            if (full) {
                sl = Math.subtractExact(sl, units[head]);
            }
            f = Math.addExact(f, u);
            sl = Math.addExact(sl, u);
        } catch (ArithmeticException overflow) {
            return false;
        }
        sumFast = f;
        sumSlow = sl;
        units[head] = u;
        return true;
    }

    /** Moves the ring to a finer scale; false (unchanged) when that cannot be done exactly in 64 bits. */
    private boolean rescale(int newScale) {
        if (newScale > MAX_SCALE || newScale < 0) {
            return false;
        }
        long factor = POW10[newScale - scale];
        long[] scaled = new long[units.length];
        try {
            for (int i = 0; i < units.length; i++) {
                scaled[i] = Math.multiplyExact(units[i], factor);
            }
            long f = Math.multiplyExact(sumFast, factor);
            long sl = Math.multiplyExact(sumSlow, factor);
            System.arraycopy(scaled, 0, units, 0, units.length);
            sumFast = f;
            sumSlow = sl;
        } catch (ArithmeticException overflow) {
            return false;
        }
        scale = newScale;
        return true;
    }

    private void switchToBigDecimal() {
        exact = false;
        bigFast = BigDecimal.ZERO;
        bigSlow = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            BigDecimal c = closes[(head - 1 - i + 2 * slow) % slow];
            bigSlow = bigSlow.add(c);
            if (i < fast) {
                bigFast = bigFast.add(c);
            }
        }
    }

    /** The sign of fast average minus slow average. */
    private int compare() {
        if (exact) {
            return compareProducts(sumFast, slow, sumSlow, fast);
        }
        return Integer.signum(bigFast.multiply(BigDecimal.valueOf(slow)).compareTo(bigSlow.multiply(BigDecimal.valueOf(fast))));
    }

    /** The sign of {@code a×b − c×d}, exact in 128 bits. */
    static int compareProducts(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, b);
        long hi2 = Math.multiplyHigh(c, d);
        if (hi1 != hi2) {
            return hi1 < hi2 ? -1 : 1;
        }
        return Integer.signum(Long.compareUnsigned(a * b, c * d));
    }

    /** True once both averages are defined. */
    boolean defined() {
        return count == slow;
    }

    /** The closes held, oldest first (at most {@code slow}). */
    BigDecimal[] window() {
        BigDecimal[] out = new BigDecimal[count];
        for (int i = 0; i < count; i++) {
            out[i] = closes[(head - count + i + 2 * slow) % slow];
        }
        return out;
    }

    /** The sum of the last {@code n} closes ({@code n} at most the closes held). */
    BigDecimal sum(int n) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            s = s.add(closes[(head - 1 - i + 2 * slow) % slow]);
        }
        return s;
    }

    /** True while the whole-number path is in use (for tests). */
    boolean exact() {
        return exact;
    }
}
