package io.cambist.exchange.binance.internal.dto;

import java.math.BigDecimal;

/** One asset of {@code GET /api/v3/account}. */
public record BinanceBalance(String asset, BigDecimal free, BigDecimal locked) {
}
