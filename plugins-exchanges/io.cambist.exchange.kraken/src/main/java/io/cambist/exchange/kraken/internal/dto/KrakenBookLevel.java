package io.cambist.exchange.kraken.internal.dto;

import java.math.BigDecimal;

/**
 * One price level of the WebSocket v2 {@code book} channel; {@code qty} 0 removes the level.
 *
 * @param price the price, with the pair's full precision
 * @param qty   the total quantity at that price, with the pair's full precision
 */
public record KrakenBookLevel(BigDecimal price, BigDecimal qty) {
}
