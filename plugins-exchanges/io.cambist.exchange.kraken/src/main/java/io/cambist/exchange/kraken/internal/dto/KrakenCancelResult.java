package io.cambist.exchange.kraken.internal.dto;

/**
 * The result of {@code POST /0/private/CancelOrder}.
 *
 * @param count   number of orders cancelled
 * @param pending whether the cancellation is still pending
 */
public record KrakenCancelResult(int count, Boolean pending) {
}
