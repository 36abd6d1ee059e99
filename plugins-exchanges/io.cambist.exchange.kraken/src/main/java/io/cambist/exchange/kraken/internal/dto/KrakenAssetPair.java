package io.cambist.exchange.kraken.internal.dto;

import java.math.BigDecimal;

/**
 * One entry of {@code GET /0/public/AssetPairs} (keyed by the pair name, e.g. {@code XETHXXBT}).
 *
 * @param altname      alternate pair name, e.g. {@code ETHXBT}; accepted as {@code pair} by AddOrder
 * @param wsname       the WebSocket v1 name, e.g. {@code ETH/XBT} (v2 writes {@code XBT} as {@code BTC})
 * @param base         asset id of the base, e.g. {@code XETH}
 * @param quote        asset id of the quote, e.g. {@code XXBT}
 * @param pairDecimals price precision (decimals)
 * @param lotDecimals  volume precision (decimals)
 * @param costDecimals cost precision (decimals)
 * @param ordermin     minimum order volume in base currency
 * @param costmin      minimum order cost in quote currency
 * @param tickSize     minimum price increment; older answers omit it (then {@code 10^-pairDecimals} applies)
 * @param status       {@code online}, {@code cancel_only}, {@code post_only}, {@code limit_only}, {@code reduce_only}
 */
public record KrakenAssetPair(String altname, String wsname, String base, String quote, int pairDecimals,
        int lotDecimals, int costDecimals, BigDecimal ordermin, BigDecimal costmin, BigDecimal tickSize, String status) {
}
