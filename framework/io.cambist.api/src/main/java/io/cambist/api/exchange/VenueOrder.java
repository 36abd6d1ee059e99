package io.cambist.api.exchange;

import java.math.BigDecimal;
import java.util.Objects;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.OrderStatus;

/**
 * An order as the venue reports it: the answer to place, cancel and query, and the truth reconciliation compares the
 * journal with.
 *
 * @param clientOrderId  our id, echoed by the venue
 * @param venueOrderId   the venue's id, or {@code null} when the venue has not assigned one
 * @param instrument     what is traded
 * @param side           buy or sell
 * @param type           order type
 * @param status         the venue's state, mapped to ours
 * @param quantity       ordered base quantity, or {@code null} when the venue sized it from a quote amount it has not
 *                       executed yet
 * @param filledQuantity executed base quantity
 * @param averagePrice   average execution price, or {@code null} before any execution
 * @param limitPrice     limit price, or {@code null}
 * @param reason         the venue's reason for a rejection or expiry, or {@code null}
 * @param time           the venue's last update time, epoch milliseconds
 */
public record VenueOrder(ClientOrderId clientOrderId, VenueOrderId venueOrderId, Instrument instrument, Side side,
        OrderType type, OrderStatus status, BigDecimal quantity, BigDecimal filledQuantity, BigDecimal averagePrice,
        BigDecimal limitPrice, String reason, long time) {

    public VenueOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(status, "status");
        filledQuantity = filledQuantity == null ? BigDecimal.ZERO : filledQuantity;
    }
}
