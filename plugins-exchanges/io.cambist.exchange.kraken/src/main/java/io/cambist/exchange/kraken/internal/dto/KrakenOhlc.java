package io.cambist.exchange.kraken.internal.dto;

import java.math.BigDecimal;

/**
 * One candle of the WebSocket v2 {@code ohlc} channel. Kraken sends the current candle again with every trade and has
 * no "closed" flag: a candle is complete once an update for a later {@code interval_begin} arrives.
 *
 * @param symbol        v2 symbol
 * @param open          first trade price of the interval
 * @param high          highest trade price
 * @param low           lowest trade price
 * @param close         last trade price
 * @param trades        number of trades
 * @param volume        base volume
 * @param vwap          volume weighted average price
 * @param intervalBegin RFC 3339 start of the interval
 * @param interval      width in minutes (1, 5, 15, 30, 60, 240, 1440, 10080, 21600)
 * @param timestamp     RFC 3339 time of the update
 */
public record KrakenOhlc(String symbol, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        Long trades, BigDecimal volume, BigDecimal vwap, String intervalBegin, int interval, String timestamp) {
}
