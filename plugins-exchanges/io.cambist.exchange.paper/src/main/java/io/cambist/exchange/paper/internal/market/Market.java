package io.cambist.exchange.paper.internal.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Timeframe;

/**
 * An opened market source: the feed and the tick size the venue uses when none is configured.
 *
 * @param feed        the candles
 * @param defaultTick the price increment of the data (finest price in a file; six significant digits of a synthetic
 *                    start price)
 */
public record Market(CandleFeed feed, BigDecimal defaultTick) {

    /**
     * Opens a source for a venue account.
     *
     * @param tick the configured tick size, or {@code null} for the source's default (used to round synthetic prices)
     * @throws IllegalArgumentException when a file cannot be read or holds bad candles, naming file and line
     */
    public static Market open(String account, MarketSource source, BigDecimal tick) {
        if (source instanceof MarketSource.CandleFile f) {
            CandleSeries s = CandleFileReader.read(f.file(), account, f.instrument(), f.timeframe());
            return new Market(new ListFeed(s.candles(), s.timeframe()), s.tickSize());
        }
        if (source instanceof MarketSource.Candles c) {
            return inMemory(account, c);
        }
        MarketSource.Synthetic s = (MarketSource.Synthetic) source;
        BigDecimal t = tick != null && tick.signum() > 0 ? tick : SyntheticFeed.defaultTick(s.startPrice());
        return new Market(new SyntheticFeed(account, s, t), t);
    }

    private static Market inMemory(String account, MarketSource.Candles c) {
        if (c.candles().isEmpty()) {
            throw new IllegalArgumentException("the in-memory market for " + c.instrument() + " holds no candles");
        }
        Timeframe timeframe = c.candles().get(0).timeframe();
        List<Candle> own = new ArrayList<>(c.candles().size());
        int maxScale = 0;
        long prev = Long.MIN_VALUE;
        for (int i = 0; i < c.candles().size(); i++) {
            Candle k = c.candles().get(i);
            if (k.openTime() <= prev) {
                throw new IllegalArgumentException("in-memory candle " + (i + 1) + " opens at " + k.openTime()
                        + ", not after the previous candle: candles must be ascending by open time");
            }
            if (k.timeframe() != timeframe) {
                throw new IllegalArgumentException("in-memory candle " + (i + 1) + " is " + k.timeframe()
                        + " but the first is " + timeframe + ": one market has one timeframe");
            }
            prev = k.openTime();
            maxScale = Math.max(maxScale, Math.max(Math.max(k.open().scale(), k.close().scale()),
                    Math.max(k.low().scale(), k.high().scale())));
            boolean same = account.equals(k.source()) && c.instrument().equals(k.instrument());
            own.add(same ? k : new Candle(account, c.instrument(), timeframe, k.openTime(), k.open(), k.high(), k.low(),
                    k.close(), k.volume()));
        }
        return new Market(new ListFeed(own, timeframe), BigDecimal.ONE.movePointLeft(maxScale));
    }
}
