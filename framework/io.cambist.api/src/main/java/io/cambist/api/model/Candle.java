package io.cambist.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A closed OHLCV candle. Connectors publish a candle once it has closed; {@link #time()} is its close time, the
 * moment a strategy acts on it.
 *
 * @param source     account whose feed produced it
 * @param instrument the instrument
 * @param timeframe  the candle width
 * @param openTime   start of the candle, epoch milliseconds
 * @param open       first trade price
 * @param high       highest trade price
 * @param low        lowest trade price
 * @param close      last trade price
 * @param volume     traded base volume
 */
public record Candle(String source, Instrument instrument, Timeframe timeframe, long openTime, BigDecimal open,
        BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) implements MarketEvent {

    public Candle {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
    }

    /** The close time: {@code openTime + timeframe}. */
    @Override
    public long time() {
        return openTime + timeframe.millis();
    }

    @Override
    public MarketDataKind kind() {
        return MarketDataKind.CANDLE;
    }

    /** The same candle attributed to another source (used when a venue replays a file as its own feed). */
    public Candle withSource(String newSource) {
        return new Candle(newSource, instrument, timeframe, openTime, open, high, low, close, volume);
    }
}
