package io.cambist.exchange.binance.internal.dto;

import java.util.List;

/** {@code GET /api/v3/exchangeInfo}: rate limits and the symbols with their filters. */
public record BinanceExchangeInfo(long serverTime, List<BinanceRateLimit> rateLimits, List<BinanceSymbol> symbols) {

    public BinanceExchangeInfo {
        rateLimits = rateLimits == null ? List.of() : List.copyOf(rateLimits);
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
    }
}
