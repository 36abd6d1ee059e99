package io.cambist.exchange.kraken.internal.dto;

import java.math.BigDecimal;

/**
 * One asset of {@code POST /0/private/BalanceEx} (keyed by the asset id, e.g. {@code XXBT}).
 *
 * @param balance   total balance
 * @param holdTrade the part held by open orders
 */
public record KrakenBalance(BigDecimal balance, BigDecimal holdTrade) {
}
