package io.cambist.exchange.binance.internal.dto;

import java.math.BigDecimal;

/**
 * One symbol filter from {@code exchangeInfo} (filters.md). A single record carries the fields of every filter type
 * the connector enforces; fields a type does not have stay {@code null}.
 *
 * @param filterType       {@code PRICE_FILTER}, {@code LOT_SIZE}, {@code MIN_NOTIONAL}, {@code NOTIONAL}, ...
 * @param minPrice         PRICE_FILTER: lowest price, 0 = disabled
 * @param maxPrice         PRICE_FILTER: highest price, 0 = disabled
 * @param tickSize         PRICE_FILTER: price increment, 0 = disabled
 * @param minQty           LOT_SIZE: lowest quantity
 * @param maxQty           LOT_SIZE: highest quantity
 * @param stepSize         LOT_SIZE: quantity increment
 * @param minNotional      MIN_NOTIONAL / NOTIONAL: lowest price x quantity
 * @param maxNotional      NOTIONAL: highest price x quantity
 * @param applyToMarket    MIN_NOTIONAL: also checked for market orders (against the average price)
 * @param applyMinToMarket NOTIONAL: the minimum is also checked for market orders
 */
public record BinanceFilter(String filterType, BigDecimal minPrice, BigDecimal maxPrice, BigDecimal tickSize,
        BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize, BigDecimal minNotional, BigDecimal maxNotional,
        Boolean applyToMarket, Boolean applyMinToMarket) {
}
