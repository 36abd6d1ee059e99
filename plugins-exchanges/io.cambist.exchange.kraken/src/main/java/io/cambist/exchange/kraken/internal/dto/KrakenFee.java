package io.cambist.exchange.kraken.internal.dto;

import java.math.BigDecimal;

/**
 * One fee of an execution.
 *
 * @param asset the asset the fee was charged in, v2 naming (e.g. {@code BTC})
 * @param qty   the amount
 */
public record KrakenFee(String asset, BigDecimal qty) {
}
