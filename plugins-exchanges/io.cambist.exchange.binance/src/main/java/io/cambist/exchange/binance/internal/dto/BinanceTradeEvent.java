package io.cambist.exchange.binance.internal.dto;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stream {@code <symbol>@trade}.
 *
 * @param eventTime  {@code E}
 * @param symbol     {@code s}
 * @param tradeId    {@code t}
 * @param price      {@code p}
 * @param quantity   {@code q}
 * @param tradeTime  {@code T}
 * @param buyerMaker {@code m}: the buyer's order was resting, so the seller was the aggressor
 */
public record BinanceTradeEvent(@JsonProperty("E") long eventTime, @JsonProperty("s") String symbol,
        @JsonProperty("t") long tradeId, @JsonProperty("p") BigDecimal price, @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("T") long tradeTime, @JsonProperty("m") boolean buyerMaker) {
}
