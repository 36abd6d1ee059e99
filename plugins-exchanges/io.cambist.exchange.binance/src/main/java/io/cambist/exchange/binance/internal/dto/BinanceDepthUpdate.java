package io.cambist.exchange.binance.internal.dto;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stream {@code <symbol>@depth} / {@code @depth@100ms}: absolute quantities for changed price levels
 * (quantity 0 removes the level).
 *
 * @param eventTime     {@code E}
 * @param symbol        {@code s}
 * @param firstUpdateId {@code U}: first update id in the event
 * @param lastUpdateId  {@code u}: final update id in the event
 * @param bids          {@code b}: {@code [price, quantity]} pairs
 * @param asks          {@code a}: {@code [price, quantity]} pairs
 */
public record BinanceDepthUpdate(@JsonProperty("E") long eventTime, @JsonProperty("s") String symbol,
        @JsonProperty("U") long firstUpdateId, @JsonProperty("u") long lastUpdateId,
        @JsonProperty("b") List<List<BigDecimal>> bids, @JsonProperty("a") List<List<BigDecimal>> asks) {

    public BinanceDepthUpdate {
        bids = bids == null ? List.of() : bids;
        asks = asks == null ? List.of() : asks;
    }
}
