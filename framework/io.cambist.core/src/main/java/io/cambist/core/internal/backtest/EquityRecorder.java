package io.cambist.core.internal.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.cambist.api.backtest.EquityPoint;
import io.cambist.api.model.Candle;
import io.cambist.core.internal.portfolio.PortfolioBook;

/**
 * Records equity (quote balance + base balance × close) at every candle close, streaming: peak and drawdown, and
 * the mean and variance of per-candle returns (Welford), computed in {@code double} because they are statistics, not
 * money; the equity curve itself is kept exact (BigDecimal) and evenly sampled to at most about 2,000 points, always
 * with the last one. Balances are re-read only when the portfolio says they changed, so a candle costs a few
 * floating point operations.
 */
final class EquityRecorder {

    static final int TARGET_POINTS = 2_000;
    private static final long MILLIS_PER_YEAR = 365L * 86_400_000L;

    private final PortfolioBook portfolio;
    private final String account;
    private final String base;
    private final String quote;
    private final List<EquityPoint> curve = new ArrayList<>();
    private final long total;
    private long stride;
    private long version = -1;
    private double quoteD;
    private double baseD;
    private double previous;
    private double peak;
    private double maxDrawdown;
    private long returns;
    private double mean;
    private double m2;
    private long count;
    private Candle last;
    private boolean lastRecorded;

    EquityRecorder(PortfolioBook portfolio, String account, String base, String quote, long total,
            BigDecimal startingEquity) {
        this.portfolio = portfolio;
        this.account = account;
        this.base = base;
        this.quote = quote;
        this.total = total;
        this.stride = total > 0 ? Math.max(1, (total + TARGET_POINTS - 1) / TARGET_POINTS) : 1;
        this.previous = startingEquity.doubleValue();
        this.peak = previous;
    }

    /** Records the equity at the close of {@code c}. */
    void record(Candle c) {
        long v = portfolio.balanceVersion();
        if (v != version) {
            version = v;
            quoteD = toDouble(portfolio.total(account, quote));
            baseD = toDouble(portfolio.total(account, base));
        }
        double equity = baseD == 0 ? quoteD : quoteD + baseD * c.close().doubleValue();
        if (equity > peak) {
            peak = equity;
        } else if (peak > 0) {
            double dd = (peak - equity) / peak;
            if (dd > maxDrawdown) {
                maxDrawdown = dd;
            }
        }
        if (previous != 0) {
            double r = equity / previous - 1;
            returns++;
            double delta = r - mean;
            mean += delta / returns;
            m2 += delta * (r - mean);
        }
        previous = equity;
        lastRecorded = count % stride == 0;
        if (lastRecorded) {
            curve.add(point(c));
            if (total <= 0 && curve.size() > 2 * TARGET_POINTS) {
                thin();
            }
        }
        count++;
        last = c;
    }

    private static final double[] POW10 = new double[300];

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Double.parseDouble("1e" + i);
        }
    }

    /**
     * BigDecimal.doubleValue parses a string for long or high-scale values (balances after fills have both); the
     * unscaled value over a power of ten is within a few ulps, plenty for statistics.
     */
    static double toDouble(BigDecimal v) {
        int scale = v.scale();
        if (scale >= 0 && scale < POW10.length) {
            return v.unscaledValue().doubleValue() / POW10[scale];
        }
        return v.doubleValue();
    }

    private void thin() {
        List<EquityPoint> kept = new ArrayList<>(curve.size() / 2 + 1);
        for (int i = 0; i < curve.size(); i += 2) {
            kept.add(curve.get(i));
        }
        curve.clear();
        curve.addAll(kept);
        stride *= 2;
    }

    private EquityPoint point(Candle c) {
        return new EquityPoint(c.time(), c.close(), equity(c.close()));
    }

    /** Exact equity at a price. */
    BigDecimal equity(BigDecimal price) {
        BigDecimal b = portfolio.total(account, base);
        BigDecimal q = portfolio.total(account, quote);
        return b.signum() == 0 ? q : q.add(b.multiply(price));
    }

    /** The sampled curve, with the last candle always included. */
    List<EquityPoint> curve() {
        List<EquityPoint> list = new ArrayList<>(curve);
        if (last != null && !lastRecorded) {
            list.add(point(last));
        }
        return list;
    }

    Candle last() {
        return last;
    }

    long count() {
        return count;
    }

    /** Largest peak-to-trough fall as a fraction of the peak. */
    BigDecimal maxDrawdown() {
        return ratio(maxDrawdown);
    }

    /** Mean / sample standard deviation of per-candle returns × √(candles per year); 0 when undefined. */
    BigDecimal sharpe(long timeframeMillis) {
        if (returns < 2 || timeframeMillis <= 0) {
            return BigDecimal.ZERO;
        }
        double variance = m2 / (returns - 1);
        if (!(variance > 1e-30)) {
            return BigDecimal.ZERO;
        }
        return ratio(mean / Math.sqrt(variance) * Math.sqrt((double) MILLIS_PER_YEAR / timeframeMillis));
    }

    /** A statistic as a decimal with 8 places. */
    static BigDecimal ratio(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(v).setScale(8, RoundingMode.HALF_EVEN);
    }

    /** An exact ratio with 8 places. */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return numerator.divide(denominator, MathContext.DECIMAL64).setScale(8, RoundingMode.HALF_EVEN);
    }
}
