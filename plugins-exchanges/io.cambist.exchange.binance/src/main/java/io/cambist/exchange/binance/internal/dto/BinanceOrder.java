package io.cambist.exchange.binance.internal.dto;

import java.math.BigDecimal;

/**
 * An order as {@code POST /api/v3/order} (RESULT), {@code GET /api/v3/order}, {@code DELETE /api/v3/order} and
 * {@code GET /api/v3/openOrders} return it.
 *
 * @param symbol              venue symbol
 * @param orderId             the venue's id
 * @param clientOrderId       our id; in a cancel answer, the id of the cancel request instead
 * @param origClientOrderId   in a cancel answer only: the id of the order that was cancelled (ours)
 * @param price               limit price, 0 for market orders
 * @param origQty             ordered base quantity
 * @param executedQty         filled base quantity
 * @param cummulativeQuoteQty quote quantity filled (Binance's spelling); negative when unknown for old orders
 * @param status              {@code NEW}, {@code PARTIALLY_FILLED}, {@code FILLED}, {@code CANCELED}, {@code REJECTED},
 *                            {@code EXPIRED}, {@code EXPIRED_IN_MATCH}
 * @param timeInForce         {@code GTC}, {@code IOC}, {@code FOK}
 * @param type                {@code LIMIT}, {@code MARKET}, {@code LIMIT_MAKER}, {@code STOP_LOSS}, ...
 * @param side                {@code BUY} or {@code SELL}
 * @param time                creation time (query answers)
 * @param updateTime          last update (query answers)
 * @param transactTime        when the request was processed (place and cancel answers)
 * @param origQuoteOrderQty   the quote amount of a market order sized by {@code quoteOrderQty}
 */
public record BinanceOrder(String symbol, long orderId, String clientOrderId, String origClientOrderId, BigDecimal price,
        BigDecimal origQty, BigDecimal executedQty, BigDecimal cummulativeQuoteQty, String status, String timeInForce,
        String type, String side, Long time, Long updateTime, Long transactTime, BigDecimal origQuoteOrderQty) {
}
