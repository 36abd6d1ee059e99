package io.cambist.exchange.binance.internal.dto;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stream {@code <symbol>@bookTicker} (spot carries no event time).
 *
 * @param updateId {@code u}: order book update id
 * @param symbol   {@code s}
 * @param bid      {@code b}: best bid price
 * @param bidQty   {@code B}
 * @param ask      {@code a}: best ask price
 * @param askQty   {@code A}
 */
public record BinanceBookTicker(@JsonProperty("u") long updateId, @JsonProperty("s") String symbol,
        @JsonProperty("b") BigDecimal bid, @JsonProperty("B") BigDecimal bidQty, @JsonProperty("a") BigDecimal ask,
        @JsonProperty("A") BigDecimal askQty) {
}
