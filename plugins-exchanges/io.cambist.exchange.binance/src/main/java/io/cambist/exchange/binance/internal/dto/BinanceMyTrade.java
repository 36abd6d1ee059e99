package io.cambist.exchange.binance.internal.dto;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One fill from {@code GET /api/v3/myTrades}.
 *
 * @param id              trade id (unique per symbol)
 * @param buyer           whether the account bought
 * @param maker           whether the account's order was resting (maker)
 */
public record BinanceMyTrade(String symbol, long id, long orderId, BigDecimal price, BigDecimal qty, BigDecimal quoteQty,
        BigDecimal commission, String commissionAsset, long time, @JsonProperty("isBuyer") boolean buyer,
        @JsonProperty("isMaker") boolean maker) {
}
