package io.cambist.api.model;

import java.util.Objects;

/**
 * A request for one stream of market data.
 *
 * @param instrument what to watch
 * @param kind       which events
 * @param timeframe  the candle width for {@link MarketDataKind#CANDLE}, or {@code null} for the width the venue's
 *                   feed natively produces (a paper venue replaying a 5-minute file publishes 5-minute candles);
 *                   always {@code null} for other kinds
 */
public record Subscription(Instrument instrument, MarketDataKind kind, Timeframe timeframe) {

    public Subscription {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(kind, "kind");
        if (kind != MarketDataKind.CANDLE) {
            timeframe = null;
        }
    }

    /** A subscription to a kind other than candles. */
    public static Subscription of(Instrument instrument, MarketDataKind kind) {
        return new Subscription(instrument, kind, null);
    }

    /** A candle subscription; {@code timeframe} may be {@code null} for the feed's native width. */
    public static Subscription candles(Instrument instrument, Timeframe timeframe) {
        return new Subscription(instrument, MarketDataKind.CANDLE, timeframe);
    }

    /** True when this subscription wants the event. */
    public boolean matches(MarketEvent event) {
        if (event.kind() != kind || !event.instrument().equals(instrument)) {
            return false;
        }
        return timeframe == null || !(event instanceof Candle c) || c.timeframe() == timeframe;
    }
}
