package io.cambist.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A public trade printed on the venue.
 *
 * @param source     account whose feed produced it
 * @param instrument the instrument
 * @param tradeId    the venue's trade id
 * @param price      trade price
 * @param quantity   base quantity
 * @param aggressor  side of the taker, or {@code null} when the venue does not say
 * @param time       venue time, epoch milliseconds
 */
public record Trade(String source, Instrument instrument, String tradeId, BigDecimal price, BigDecimal quantity,
        Side aggressor, long time) implements MarketEvent {

    public Trade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
    }

    @Override
    public MarketDataKind kind() {
        return MarketDataKind.TRADE;
    }
}
