package io.cambist.api.model;

/**
 * A market data event published by a connector onto the core's market data bus and delivered, in order, to every
 * strategy instance that subscribed to its instrument and kind.
 */
public sealed interface MarketEvent permits Ticker, Trade, OrderBook, Candle {

    /** The account (connector instance) whose feed produced the event. */
    String source();

    /** The instrument the event is about. */
    Instrument instrument();

    /** When the event happened at the venue, epoch milliseconds; for a candle, when it closed. */
    long time();

    /** Which subscription kind delivers this event. */
    MarketDataKind kind();
}
