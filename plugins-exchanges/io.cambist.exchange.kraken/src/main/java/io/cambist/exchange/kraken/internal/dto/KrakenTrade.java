package io.cambist.exchange.kraken.internal.dto;

import java.math.BigDecimal;

/**
 * One public trade of the WebSocket v2 {@code trade} channel.
 *
 * @param symbol    v2 symbol
 * @param side      side of the taker, {@code buy} or {@code sell}
 * @param price     trade price
 * @param qty       base quantity
 * @param ordType   the taker's order type, {@code limit} or {@code market}
 * @param tradeId   sequential trade id, per pair
 * @param timestamp RFC 3339 time of the trade
 */
public record KrakenTrade(String symbol, String side, BigDecimal price, BigDecimal qty, String ordType, long tradeId,
        String timestamp) {
}
