package io.cambist.exchange.binance.internal.dto;

import java.util.List;

/** {@code GET /api/v3/account} (the fields the connector reads). */
public record BinanceAccount(boolean canTrade, long updateTime, List<BinanceBalance> balances) {

    public BinanceAccount {
        balances = balances == null ? List.of() : List.copyOf(balances);
    }
}
