package io.cambist.exchange.binance.internal.dto;

/**
 * One entry of {@code exchangeInfo.rateLimits}.
 *
 * @param rateLimitType {@code REQUEST_WEIGHT}, {@code ORDERS} or {@code RAW_REQUESTS}
 * @param interval      {@code SECOND}, {@code MINUTE} or {@code DAY}
 * @param intervalNum   how many intervals the window spans
 * @param limit         the allowance in that window
 */
public record BinanceRateLimit(String rateLimitType, String interval, int intervalNum, int limit) {
}
