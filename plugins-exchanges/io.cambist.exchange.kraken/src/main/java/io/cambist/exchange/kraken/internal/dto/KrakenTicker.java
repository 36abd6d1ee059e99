package io.cambist.exchange.kraken.internal.dto;

import java.math.BigDecimal;

/**
 * One entry of the WebSocket v2 {@code ticker} channel.
 *
 * @param symbol    v2 symbol, e.g. {@code ETH/BTC}
 * @param bid       best bid price
 * @param bidQty    quantity at the best bid
 * @param ask       best ask price
 * @param askQty    quantity at the best ask
 * @param last      last trade price
 * @param volume    24 h volume (base)
 * @param vwap      24 h volume weighted average price
 * @param low       24 h low
 * @param high      24 h high
 * @param change    24 h price change
 * @param changePct 24 h price change in percent
 * @param timestamp RFC 3339 time of the update, when sent
 */
public record KrakenTicker(String symbol, BigDecimal bid, BigDecimal bidQty, BigDecimal ask, BigDecimal askQty,
        BigDecimal last, BigDecimal volume, BigDecimal vwap, BigDecimal low, BigDecimal high, BigDecimal change,
        BigDecimal changePct, String timestamp) {
}
