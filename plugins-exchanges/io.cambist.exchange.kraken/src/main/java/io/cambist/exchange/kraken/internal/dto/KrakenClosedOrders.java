package io.cambist.exchange.kraken.internal.dto;

import java.util.Map;

/**
 * The result of {@code POST /0/private/ClosedOrders}.
 *
 * @param closed the closed orders by txid (at most 50 per page)
 * @param count  how many closed orders matched in all
 */
public record KrakenClosedOrders(Map<String, KrakenOrderInfo> closed, int count) {

    public KrakenClosedOrders {
        closed = closed == null ? Map.of() : closed;
    }
}
