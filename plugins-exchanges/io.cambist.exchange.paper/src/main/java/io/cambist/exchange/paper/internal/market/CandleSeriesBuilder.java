package io.cambist.exchange.paper.internal.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/**
 * Checks candle rows as a parser reads them (prices positive, high and low bracketing open and close, times strictly
 * ascending) and turns them into {@link Candle}s once the timeframe is known. Errors name the file and the line.
 */
final class CandleSeriesBuilder {

    private final String file;
    private final String source;
    private final Instrument instrument;
    private final List<long[]> times = new ArrayList<>();
    private final List<BigDecimal[]> prices = new ArrayList<>();
    private int maxScale;

    CandleSeriesBuilder(String file, String source, Instrument instrument) {
        this.file = file;
        this.source = source;
        this.instrument = instrument;
    }

    /** An error at a line of the file. */
    IllegalArgumentException error(long line, String problem) {
        return new IllegalArgumentException("candle file " + file + " line " + line + ": " + problem);
    }

    void add(long line, long time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
        int n = times.size() + 1;
        positive(line, n, "open", open);
        positive(line, n, "high", high);
        positive(line, n, "low", low);
        positive(line, n, "close", close);
        if (volume.signum() < 0) {
            throw error(line, "candle " + n + " has a negative volume " + volume.toPlainString());
        }
        if (high.compareTo(open.max(close).max(low)) < 0) {
            throw error(line, "candle " + n + " has high " + high.toPlainString() + " below its open, close or low");
        }
        if (low.compareTo(open.min(close)) > 0) {
            throw error(line, "candle " + n + " has low " + low.toPlainString() + " above its open or close");
        }
        if (!times.isEmpty()) {
            long[] prev = times.get(times.size() - 1);
            if (time <= prev[0]) {
                throw error(line, "candle " + n + " opens at " + time + ", not after the previous candle (" + prev[0]
                        + ", line " + prev[1] + "): candles must be in ascending time order without duplicates");
            }
        }
        times.add(new long[] {time, line});
        prices.add(new BigDecimal[] {open, high, low, close, volume});
        for (int i = 0; i < 4; i++) {
            maxScale = Math.max(maxScale, prices.get(prices.size() - 1)[i].stripTrailingZeros().scale());
        }
    }

    private void positive(long line, int n, String what, BigDecimal v) {
        if (v.signum() <= 0) {
            throw error(line, "candle " + n + " has " + what + " " + v.toPlainString() + ": prices must be positive");
        }
    }

    /**
     * Builds the series.
     *
     * @param given the timeframe the user set, or {@code null} to infer it from the smallest spacing of the candles
     */
    CandleSeries build(Timeframe given) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("candle file " + file + " holds no candles");
        }
        long minGap = Long.MAX_VALUE;
        int minAt = -1;
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i)[0] - times.get(i - 1)[0];
            if (gap < minGap) {
                minGap = gap;
                minAt = i;
            }
        }
        Timeframe timeframe = given;
        if (timeframe == null) {
            if (minAt < 0) {
                throw new IllegalArgumentException("candle file " + file
                        + " holds a single candle, so its timeframe cannot be inferred: set the timeframe (e.g. 5m)");
            }
            Optional<Timeframe> inferred = Timeframe.ofMillis(minGap);
            if (inferred.isEmpty()) {
                throw error(times.get(minAt)[1], "candles are " + minGap
                        + " ms apart, which is no standard timeframe: set the timeframe (e.g. 5m)");
            }
            timeframe = inferred.get();
        } else if (minAt >= 0 && minGap < timeframe.millis()) {
            throw error(times.get(minAt)[1], "candle opens " + minGap + " ms after the previous one, less than the "
                    + timeframe + " timeframe: check the timeframe setting");
        }
        List<Candle> candles = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            BigDecimal[] p = prices.get(i);
            candles.add(new Candle(source, instrument, timeframe, times.get(i)[0], p[0], p[1], p[2], p[3], p[4]));
        }
        return new CandleSeries(candles, timeframe, BigDecimal.ONE.movePointLeft(Math.max(0, maxScale)));
    }
}
