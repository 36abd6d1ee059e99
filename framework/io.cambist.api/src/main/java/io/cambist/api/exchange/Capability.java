package io.cambist.api.exchange;

/**
 * What a connector can do. The conformance suite in the test kit skips, by name, the checks for capabilities a
 * connector does not declare, and the core refuses requests that need one the venue lacks.
 */
public enum Capability {
    /** Market orders sized by base quantity. */
    MARKET_ORDER,
    /** Market orders sized by quote amount (Binance {@code quoteOrderQty}). */
    MARKET_ORDER_BY_QUOTE,
    /** Limit orders. */
    LIMIT_ORDER,
    /** Stop-market and stop-limit orders held by the venue. */
    STOP_ORDER,
    /** Immediate-or-cancel and fill-or-kill limit orders. */
    IOC_FOK,
    /** Post-only (maker only) limit orders. */
    POST_ONLY,
    /** Cancel by client order id. */
    CANCEL_ORDER,
    /** Query one order by client order id. */
    QUERY_ORDER,
    /** List open orders (needed for reconciliation). */
    OPEN_ORDERS,
    /** List the fills of an order (needed to recover fills missed while disconnected). */
    ORDER_FILLS,
    /** Account balances. */
    BALANCES,
    /** Best bid/offer stream. */
    TICKER_STREAM,
    /** Public trades stream. */
    TRADE_STREAM,
    /** Closed candles stream. */
    CANDLE_STREAM,
    /** Consistent order book stream. */
    ORDER_BOOK_STREAM,
    /** Pushed order updates and fills (user data stream, executions channel). */
    EXECUTION_STREAM
}
