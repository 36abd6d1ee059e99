package io.cambist.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A consistent view of the top of a venue's order book, published after every applied update. Connectors build it
 * with the venue's documented algorithm (snapshot, buffered diffs, gap detection, resync), so a strategy never sees a
 * book with a missed update.
 *
 * @param source     account whose feed produced it
 * @param instrument the instrument
 * @param sequence   the venue's update id (Binance {@code lastUpdateId}/{@code u}) or a local counter
 * @param bids       bids, best (highest) first
 * @param asks       asks, best (lowest) first
 * @param time       venue time, epoch milliseconds
 */
public record OrderBook(String source, Instrument instrument, long sequence, List<PriceLevel> bids, List<PriceLevel> asks,
        long time) implements MarketEvent {

    public OrderBook {
        Objects.requireNonNull(instrument, "instrument");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** The highest bid, or {@code null} when there is none. */
    public PriceLevel bestBid() {
        return bids.isEmpty() ? null : bids.get(0);
    }

    /** The lowest ask, or {@code null} when there is none. */
    public PriceLevel bestAsk() {
        return asks.isEmpty() ? null : asks.get(0);
    }

    /** The mid price, or {@code null} unless both sides have a level. */
    public BigDecimal mid() {
        PriceLevel b = bestBid();
        PriceLevel a = bestAsk();
        return b == null || a == null ? null : b.price().add(a.price()).divide(BigDecimal.valueOf(2));
    }

    /** True when the best bid is at or above the best ask, which a correct book never shows. */
    public boolean crossed() {
        PriceLevel b = bestBid();
        PriceLevel a = bestAsk();
        return b != null && a != null && b.price().compareTo(a.price()) >= 0;
    }

    @Override
    public MarketDataKind kind() {
        return MarketDataKind.ORDER_BOOK;
    }
}
