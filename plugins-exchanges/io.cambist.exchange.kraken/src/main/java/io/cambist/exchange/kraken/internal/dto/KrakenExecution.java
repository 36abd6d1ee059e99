package io.cambist.exchange.kraken.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * One event of the WebSocket v2 {@code executions} channel: an order status change or a fill. Fields not relevant to
 * an event are absent ({@code null}).
 *
 * @param execType     {@code pending_new}, {@code new}, {@code trade}, {@code filled}, {@code canceled},
 *                     {@code expired}, {@code amended}, {@code restated}, {@code status}, {@code iceberg_refill}
 * @param orderId      Kraken's order id (txid)
 * @param clOrdId      the client order id it was placed with
 * @param symbol       v2 symbol
 * @param side         {@code buy} or {@code sell}
 * @param orderType    {@code limit}, {@code market}, ...
 * @param orderQty     ordered base quantity
 * @param limitPrice   limit price
 * @param orderStatus  {@code pending_new}, {@code new}, {@code partially_filled}, {@code filled}, {@code canceled},
 *                     {@code expired}
 * @param cumQty       executed base quantity so far
 * @param cumCost      executed quote value so far
 * @param avgPrice     average execution price
 * @param timeInForce  {@code GTC}, {@code GTD} or {@code IOC}
 * @param postOnly     post-only flag
 * @param timestamp    RFC 3339 time of the event
 * @param execId       unique execution id; for a fill the trade's txid
 * @param tradeId      per-pair sequential trade id of a fill
 * @param lastQty      quantity of this fill
 * @param lastPrice    price of this fill
 * @param cost         value of this fill
 * @param liquidityInd {@code m} maker or {@code t} taker
 * @param fees         fees of this fill
 * @param reason       why the order was cancelled or expired
 */
public record KrakenExecution(String execType, String orderId, String clOrdId, String symbol, String side,
        String orderType, BigDecimal orderQty, BigDecimal limitPrice, String orderStatus, BigDecimal cumQty,
        BigDecimal cumCost, BigDecimal avgPrice, String timeInForce, Boolean postOnly, String timestamp, String execId,
        Long tradeId, BigDecimal lastQty, BigDecimal lastPrice, BigDecimal cost, String liquidityInd,
        List<KrakenFee> fees, String reason) {

    public KrakenExecution {
        fees = fees == null ? List.of() : fees;
    }
}
