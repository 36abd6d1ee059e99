package io.cambist.exchange.paper.internal;

import java.util.Locale;

import io.cambist.api.model.Timeframe;

/**
 * The pace of a live paper replay: a number of candles per second, or a factor over real time ({@code x60} plays a
 * 1m candle every second).
 *
 * @param candlesPerSecond candles per second, or 0 when {@code factor} is used
 * @param factor           speed over real time, or 0 when {@code candlesPerSecond} is used
 */
public record Speed(double candlesPerSecond, double factor) {

    /** Parses {@code 2}, {@code 0.5} or {@code x60}. */
    public static Speed parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        boolean isFactor = t.startsWith("x");
        String number = isFactor ? t.substring(1) : t;
        double v;
        try {
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("speed '" + text + "' must be a positive number of candles per second "
                    + "(e.g. 2) or a factor over real time (e.g. x60)");
        }
        return isFactor ? new Speed(0, v) : new Speed(v, 0);
    }

    /** Milliseconds of wall time per candle of the given width. */
    public double millisPerCandle(Timeframe timeframe) {
        return candlesPerSecond > 0 ? 1000.0 / candlesPerSecond : timeframe.millis() / factor;
    }

    @Override
    public String toString() {
        return candlesPerSecond > 0 ? candlesPerSecond + " candles/s" : "x" + factor;
    }
}
