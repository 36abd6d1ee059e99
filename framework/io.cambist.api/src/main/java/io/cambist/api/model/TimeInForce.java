package io.cambist.api.model;

/** How long a limit order stays working. */
public enum TimeInForce {
    /** Good till cancelled. */
    GTC,
    /** Immediate or cancel: fill what is possible now, expire the rest. */
    IOC,
    /** Fill or kill: fill completely now or expire. */
    FOK,
    /** Rest in the book as maker only; rejected if it would take liquidity. */
    POST_ONLY
}
