package io.cambist.exchange.paper.internal.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/**
 * A seeded synthetic market: a geometric random walk of closes with a weak pull back towards the start price (so an
 * endless market neither dies nor explodes), wicks above and below the body, volume that rises with the size of the
 * move, and every price rounded to the tick. The same seed, parameters and tick give the same candles on any JVM:
 * the generator is SplitMix64 and all floating point goes through {@link StrictMath}.
 */
public final class SyntheticFeed implements CandleFeed {

    /** Per-candle pull of the log price back towards the start price (half-life about 1,400 candles). */
    static final double REVERSION = 0.0005;
    /** Wick length in units of the per-candle volatility. */
    static final double WICK = 0.6;
    /** Typical base volume per candle. */
    static final double BASE_VOLUME = 100;

    private final String source;
    private final Instrument instrument;
    private final Timeframe timeframe;
    private final long count;
    private final long startTime;
    private final double sigma;
    private final double logStart;
    private final BigDecimal tick;
    private long state;
    private long index;
    private BigDecimal lastClose;

    /**
     * @param source the account the candles are attributed to
     * @param spec   the market's parameters
     * @param tick   the price increment every price is rounded to
     */
    public SyntheticFeed(String source, MarketSource.Synthetic spec, BigDecimal tick) {
        if (tick.signum() <= 0) {
            throw new IllegalArgumentException("synthetic market needs a positive tick size");
        }
        this.source = source;
        this.instrument = spec.instrument();
        this.timeframe = spec.timeframe();
        this.count = spec.count();
        this.startTime = spec.startTime();
        this.sigma = spec.volatilityPercent().doubleValue() / 100.0;
        this.tick = tick;
        this.state = spec.seed();
        this.lastClose = roundToTick(spec.startPrice(), RoundingMode.HALF_EVEN).max(tick);
        this.logStart = StrictMath.log(lastClose.doubleValue());
    }

    /** The tick a synthetic market uses when none is configured: six significant digits below the start price. */
    public static BigDecimal defaultTick(BigDecimal startPrice) {
        int magnitude = startPrice.precision() - startPrice.scale() - 1;
        return BigDecimal.ONE.scaleByPowerOfTen(magnitude - 6);
    }

    @Override
    public Candle next() {
        if (count > 0 && index >= count) {
            return null;
        }
        BigDecimal open = lastClose;
        double o = open.doubleValue();
        double r = sigma * gaussian() - REVERSION * (StrictMath.log(o) - logStart);
        BigDecimal close = roundToTick(StrictMath.exp(StrictMath.log(o) + r), RoundingMode.HALF_EVEN).max(tick);
        double top = open.max(close).doubleValue();
        double bottom = open.min(close).doubleValue();
        BigDecimal high = roundToTick(top * StrictMath.exp(WICK * sigma * StrictMath.abs(gaussian())), RoundingMode.CEILING)
                .max(open.max(close));
        BigDecimal low = roundToTick(bottom * StrictMath.exp(-WICK * sigma * StrictMath.abs(gaussian())), RoundingMode.FLOOR)
                .min(open.min(close)).max(tick);
        double move = sigma == 0 ? 0 : StrictMath.abs(r) / sigma;
        double vol = BASE_VOLUME * StrictMath.exp(0.5 * gaussian()) * (1 + move);
        BigDecimal volume = new BigDecimal(vol).setScale(4, RoundingMode.HALF_EVEN);
        long openTime = startTime + index * timeframe.millis();
        index++;
        lastClose = close;
        return new Candle(source, instrument, timeframe, openTime, open, high, low, close, volume);
    }

    private BigDecimal roundToTick(double price, RoundingMode mode) {
        return roundToTick(new BigDecimal(price), mode);
    }

    private BigDecimal roundToTick(BigDecimal price, RoundingMode mode) {
        return price.divide(tick, 0, mode).multiply(tick);
    }

    /** A standard normal deviate (Box-Muller on two SplitMix64 uniforms). */
    private double gaussian() {
        double u1 = (nextLong() >>> 11) * 0x1.0p-53;
        double u2 = (nextLong() >>> 11) * 0x1.0p-53;
        if (u1 < 1e-300) {
            u1 = 1e-300;
        }
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    private long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public Timeframe timeframe() {
        return timeframe;
    }

    @Override
    public long size() {
        return count > 0 ? count : -1;
    }

    @Override
    public long startTime() {
        return startTime;
    }
}
