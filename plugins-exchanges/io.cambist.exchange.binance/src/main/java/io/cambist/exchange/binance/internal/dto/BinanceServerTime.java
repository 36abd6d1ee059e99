package io.cambist.exchange.binance.internal.dto;

/** {@code GET /api/v3/time}. */
public record BinanceServerTime(long serverTime) {
}
