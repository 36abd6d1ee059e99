package io.cambist.exchange.binance.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v3/depth}: an order book snapshot.
 *
 * @param lastUpdateId the update id the snapshot reflects; diffs with {@code u <= lastUpdateId} are already in it
 * @param bids         {@code [price, quantity]} pairs, best first
 * @param asks         {@code [price, quantity]} pairs, best first
 */
public record BinanceDepth(long lastUpdateId, List<List<BigDecimal>> bids, List<List<BigDecimal>> asks) {

    public BinanceDepth {
        bids = bids == null ? List.of() : bids;
        asks = asks == null ? List.of() : asks;
    }
}
