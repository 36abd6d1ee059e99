package io.cambist.exchange.kraken.internal.dto;

import java.math.BigDecimal;

/**
 * One own trade as QueryTrades and TradesHistory describe it (keyed by the trade txid, which the executions channel
 * sends as {@code exec_id}).
 *
 * @param ordertxid the order it filled
 * @param postxid   the position trade id
 * @param pair      the pair name
 * @param time      execution time, unix seconds with fraction
 * @param type      {@code buy} or {@code sell}
 * @param ordertype the order type
 * @param price     execution price
 * @param cost      total cost (quote currency)
 * @param fee       total fee (quote currency)
 * @param vol       volume (base currency)
 * @param margin    initial margin (spot: 0)
 * @param misc      comma-delimited details
 * @param tradeId   Kraken's per-pair sequential trade id
 * @param maker     true when the order added liquidity
 */
public record KrakenTradeInfo(String ordertxid, String postxid, String pair, BigDecimal time, String type,
        String ordertype, BigDecimal price, BigDecimal cost, BigDecimal fee, BigDecimal vol, BigDecimal margin,
        String misc, Long tradeId, Boolean maker) {
}
