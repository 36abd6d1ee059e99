package io.cambist.exchange.paper.internal.market;

import java.util.List;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Timeframe;

/** A feed over candles held in memory: one array read per step, so backtests pay nothing for the market. */
public final class ListFeed implements CandleFeed {

    private final Candle[] candles;
    private final Timeframe timeframe;
    private int index;

    /**
     * @param candles   candles ascending by open time, already attributed to the venue's account
     * @param timeframe their width
     */
    public ListFeed(List<Candle> candles, Timeframe timeframe) {
        this.candles = candles.toArray(new Candle[0]);
        this.timeframe = timeframe;
    }

    @Override
    public Candle next() {
        return index < candles.length ? candles[index++] : null;
    }

    @Override
    public Timeframe timeframe() {
        return timeframe;
    }

    @Override
    public long size() {
        return candles.length;
    }

    @Override
    public long startTime() {
        return candles.length == 0 ? 0 : candles[0].openTime();
    }

    @Override
    public long skip(long count) {
        long n = Math.min(count, candles.length - (long) index);
        index += (int) n;
        return n;
    }
}
