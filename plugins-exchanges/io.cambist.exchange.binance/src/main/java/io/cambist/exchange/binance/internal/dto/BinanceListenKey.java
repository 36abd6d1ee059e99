package io.cambist.exchange.binance.internal.dto;

/** {@code POST /api/v3/userDataStream}: the key that names the account's user data stream. */
public record BinanceListenKey(String listenKey) {
}
