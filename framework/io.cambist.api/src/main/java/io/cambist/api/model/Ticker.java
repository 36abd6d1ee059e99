package io.cambist.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Best bid and offer, and the last trade price where the venue sends it.
 *
 * @param source     account whose feed produced it
 * @param instrument the instrument
 * @param bid        best bid price, or {@code null} when the book side is empty
 * @param bidSize    quantity at the best bid, or {@code null}
 * @param ask        best ask price, or {@code null} when the book side is empty
 * @param askSize    quantity at the best ask, or {@code null}
 * @param last       last trade price, or {@code null} when the feed does not carry it
 * @param time       venue time, epoch milliseconds
 */
public record Ticker(String source, Instrument instrument, BigDecimal bid, BigDecimal bidSize, BigDecimal ask,
        BigDecimal askSize, BigDecimal last, long time) implements MarketEvent {

    public Ticker {
        Objects.requireNonNull(instrument, "instrument");
    }

    /** The best price to value a position with: last, else mid, else whichever side exists. */
    public BigDecimal price() {
        if (last != null) {
            return last;
        }
        if (bid != null && ask != null) {
            return bid.add(ask).divide(BigDecimal.valueOf(2));
        }
        return bid != null ? bid : ask;
    }

    @Override
    public MarketDataKind kind() {
        return MarketDataKind.TICKER;
    }
}
