package io.cambist.api.model;

/** How an order is executed. */
public enum OrderType {
    /** Execute now against the book; sized by base quantity or by quote amount. */
    MARKET,
    /** Rest in the book at a limit price or better. */
    LIMIT,
    /** Becomes a market order once the stop price trades. */
    STOP_MARKET,
    /** Becomes a limit order once the stop price trades. */
    STOP_LIMIT
}
