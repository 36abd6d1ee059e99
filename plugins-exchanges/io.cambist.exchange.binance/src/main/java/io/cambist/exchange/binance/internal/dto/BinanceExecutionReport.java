package io.cambist.exchange.binance.internal.dto;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * User data stream {@code executionReport} (user-data-stream.md "Order Update").
 *
 * @param eventTime           {@code E}
 * @param symbol              {@code s}
 * @param clientOrderId       {@code c}: the order's id; for a cancel, the id of the cancel request
 * @param side                {@code S}
 * @param orderType           {@code o}
 * @param timeInForce         {@code f}
 * @param quantity            {@code q}: ordered quantity
 * @param price               {@code p}: limit price
 * @param origClientOrderId   {@code C}: for a cancel, the id of the order being cancelled; otherwise empty
 * @param executionType       {@code x}: NEW, CANCELED, REPLACED, REJECTED, TRADE, EXPIRED, TRADE_PREVENTION
 * @param status              {@code X}: the order status after the event
 * @param rejectReason        {@code r}
 * @param orderId             {@code i}
 * @param lastQuantity        {@code l}: quantity of this fill
 * @param cumulativeQuantity  {@code z}: filled so far
 * @param lastPrice           {@code L}: price of this fill
 * @param commission          {@code n}
 * @param commissionAsset     {@code N}
 * @param transactionTime     {@code T}
 * @param tradeId             {@code t}: -1 unless this is a fill
 * @param maker               {@code m}: this fill was on the maker side
 * @param cumulativeQuote     {@code Z}: quote filled so far (average price = Z / z)
 * @param quoteOrderQuantity  {@code Q}
 */
public record BinanceExecutionReport(@JsonProperty("E") long eventTime, @JsonProperty("s") String symbol,
        @JsonProperty("c") String clientOrderId, @JsonProperty("S") String side, @JsonProperty("o") String orderType,
        @JsonProperty("f") String timeInForce, @JsonProperty("q") BigDecimal quantity, @JsonProperty("p") BigDecimal price,
        @JsonProperty("C") String origClientOrderId, @JsonProperty("x") String executionType,
        @JsonProperty("X") String status, @JsonProperty("r") String rejectReason, @JsonProperty("i") long orderId,
        @JsonProperty("l") BigDecimal lastQuantity, @JsonProperty("z") BigDecimal cumulativeQuantity,
        @JsonProperty("L") BigDecimal lastPrice, @JsonProperty("n") BigDecimal commission,
        @JsonProperty("N") String commissionAsset, @JsonProperty("T") long transactionTime,
        @JsonProperty("t") long tradeId, @JsonProperty("m") boolean maker, @JsonProperty("Z") BigDecimal cumulativeQuote,
        @JsonProperty("Q") BigDecimal quoteOrderQuantity) {
}
