package io.cambist.exchange.kraken.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as QueryOrders, OpenOrders and ClosedOrders describe it (keyed by its txid).
 *
 * @param refid      referral order txid that created this order, or {@code null}
 * @param userref    user reference id
 * @param clOrdId    the client order id it was placed with, or {@code null}
 * @param status     {@code pending}, {@code open}, {@code closed}, {@code canceled} or {@code expired}
 * @param reason     why it was closed or cancelled, or {@code null}
 * @param opentm     when it was placed, unix seconds with fraction
 * @param closetm    when it closed, unix seconds with fraction, or {@code null}
 * @param descr      what Kraken understood
 * @param vol        volume in base currency
 * @param volExec    volume executed in base currency
 * @param cost       total cost (quote currency)
 * @param fee        total fee (quote currency)
 * @param price      average execution price
 * @param stopprice  stop price
 * @param limitprice triggered limit price
 * @param misc       comma-delimited details ({@code stopped}, {@code touched}, ...)
 * @param oflags     comma-delimited order flags ({@code post}, {@code fciq}, ...)
 * @param trades     the txids of its trades, when asked for with {@code trades=true}
 */
public record KrakenOrderInfo(String refid, Long userref, String clOrdId, String status, String reason,
        BigDecimal opentm, BigDecimal closetm, KrakenOrderDescr descr, BigDecimal vol, BigDecimal volExec,
        BigDecimal cost, BigDecimal fee, BigDecimal price, BigDecimal stopprice, BigDecimal limitprice, String misc,
        String oflags, List<String> trades) {

    public KrakenOrderInfo {
        trades = trades == null ? List.of() : List.copyOf(trades);
    }
}
