package io.cambist.api.model;

/** The kinds of market data a strategy can subscribe to. */
public enum MarketDataKind {
    TICKER,
    TRADE,
    ORDER_BOOK,
    CANDLE
}
