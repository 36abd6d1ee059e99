package io.cambist.strategy.grid.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The grid's prices: {@code levels} prices from the lower to the upper bound, with equal differences (arithmetic) or
 * equal ratios (geometric), rounded to the venue's tick size. The bounds are rounded inwards (the lower one up, the
 * upper one down) so that no order is ever placed outside them; the prices between them to the nearest tick.
 * Everything is computed in {@link BigDecimal}: the geometric ratio is an exact-to-34-digits root, never a
 * {@code double}.
 */
final class GridLevels {

    static final MathContext MC = new MathContext(34, RoundingMode.HALF_EVEN);
    private static final MathContext NO_TICK = new MathContext(16, RoundingMode.HALF_EVEN);

    private GridLevels() {
    }

    /**
     * The prices, ascending.
     *
     * @param tick the tick size, or 0 when the venue sets none (prices then keep 16 significant digits)
     * @throws IllegalArgumentException when neighbouring prices fall on the same tick
     */
    static BigDecimal[] prices(GridSettings s, BigDecimal tick) {
        int n = s.levels();
        BigDecimal[] p = new BigDecimal[n];
        BigDecimal lower = s.lower();
        BigDecimal upper = s.upper();
        if (s.spacing() == Spacing.ARITHMETIC) {
            BigDecimal step = upper.subtract(lower).divide(BigDecimal.valueOf(n - 1L), MC);
            for (int i = 0; i < n; i++) {
                p[i] = lower.add(step.multiply(BigDecimal.valueOf(i), MC), MC);
            }
        } else {
            BigDecimal ratio = root(upper.divide(lower, MC), n - 1);
            BigDecimal level = lower;
            for (int i = 0; i < n; i++) {
                p[i] = level;
                level = level.multiply(ratio, MC);
            }
        }
        p[0] = lower;
        p[n - 1] = upper;
        for (int i = 0; i < n; i++) {
            RoundingMode mode = i == 0 ? RoundingMode.CEILING : i == n - 1 ? RoundingMode.FLOOR : RoundingMode.HALF_UP;
            p[i] = round(p[i], tick, mode);
        }
        for (int i = 1; i < n; i++) {
            if (p[i].compareTo(p[i - 1]) <= 0) {
                throw new IllegalArgumentException(n + " levels between " + lower.toPlainString() + " and "
                        + upper.toPlainString() + " are closer than the tick size "
                        + tick.stripTrailingZeros().toPlainString() + " (levels " + i + " and " + (i + 1) + " are both "
                        + p[i].toPlainString() + "): use fewer levels");
            }
        }
        return p;
    }

    /** A price rounded to a multiple of the tick. */
    static BigDecimal round(BigDecimal price, BigDecimal tick, RoundingMode mode) {
        if (tick == null || tick.signum() == 0) {
            return price.round(NO_TICK).stripTrailingZeros();
        }
        return price.divide(tick, 0, mode).multiply(tick).stripTrailingZeros();
    }

    /** The positive {@code k}-th root of {@code x}, to 34 significant digits (Newton's method). */
    static BigDecimal root(BigDecimal x, int k) {
        if (k == 1) {
            return x;
        }
        BigDecimal kk = BigDecimal.valueOf(k);
        BigDecimal km1 = BigDecimal.valueOf(k - 1L);
        // a double only seeds the iteration; every step after it is BigDecimal
        BigDecimal y = new BigDecimal(Math.pow(x.doubleValue(), 1.0 / k), MC);
        BigDecimal tolerance = y.ulp().multiply(BigDecimal.TEN);
        for (int i = 0; i < 200; i++) {
            BigDecimal next = km1.multiply(y, MC).add(x.divide(y.pow(k - 1, MC), MC), MC).divide(kk, MC);
            BigDecimal change = next.subtract(y).abs();
            y = next;
            if (change.compareTo(tolerance) <= 0) {
                break;
            }
        }
        return y;
    }
}
