package io.cambist.exchange.kraken.internal.dto;

import java.util.Map;

/**
 * The result of {@code POST /0/private/OpenOrders}.
 *
 * @param open the open orders by txid
 */
public record KrakenOpenOrders(Map<String, KrakenOrderInfo> open) {

    public KrakenOpenOrders {
        open = open == null ? Map.of() : open;
    }
}
