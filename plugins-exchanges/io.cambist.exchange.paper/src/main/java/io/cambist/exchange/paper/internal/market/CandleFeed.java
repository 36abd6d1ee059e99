package io.cambist.exchange.paper.internal.market;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Timeframe;

/** A simulated venue's market: candles in time order, pulled one at a time by whoever steps the venue. */
public interface CandleFeed {

    /** The next candle, or {@code null} when the feed is exhausted. */
    Candle next();

    /** The candle width. */
    Timeframe timeframe();

    /** Total candles, or -1 for an endless feed. */
    long size();

    /** Open time of the first candle, epoch milliseconds. */
    long startTime();

    /**
     * Skips candles already replayed in an earlier run, so the next call to {@link #next()} returns candle
     * {@code count} (counting from 0).
     *
     * @return the number of candles actually skipped (less than {@code count} when the feed ends first)
     */
    default long skip(long count) {
        long n = 0;
        while (n < count && next() != null) {
            n++;
        }
        return n;
    }
}
