package io.cambist.api.order;

import java.math.BigDecimal;
import java.util.Objects;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.VenueOrderId;

/**
 * The core's view of an order at one moment. Immutable: every change produces a new {@code Order} and an
 * {@link OrderEvent}.
 *
 * @param clientOrderId   the idempotency and recovery key
 * @param venueOrderId    the venue's id once acknowledged, else {@code null}
 * @param account         the venue account
 * @param strategyId      the owning strategy instance, or {@code null} for an operator's order
 * @param instrument      what is traded
 * @param side            buy or sell
 * @param type            order type
 * @param timeInForce     time in force
 * @param quantity        ordered base quantity; for a market order by quote amount, {@code null} until the venue says
 * @param quoteQuantity   ordered quote amount (market orders by quote), else {@code null}
 * @param limitPrice      limit price, or {@code null}
 * @param stopPrice       stop price, or {@code null}
 * @param status          current state
 * @param filledQuantity  base quantity filled so far
 * @param averagePrice    volume-weighted fill price, or {@code null} before the first fill
 * @param fees            fees charged so far, in {@code feeCurrency}
 * @param feeCurrency     currency of the fees, or {@code null} before the first fill
 * @param tag             the request's label, or {@code null}
 * @param reason          why it was rejected, cancelled or expired, or {@code null}
 * @param createdTime     when the core accepted it, epoch milliseconds
 * @param updatedTime     when it last changed, epoch milliseconds
 */
public record Order(ClientOrderId clientOrderId, VenueOrderId venueOrderId, String account, String strategyId,
        Instrument instrument, Side side, OrderType type, TimeInForce timeInForce, BigDecimal quantity,
        BigDecimal quoteQuantity, BigDecimal limitPrice, BigDecimal stopPrice, OrderStatus status,
        BigDecimal filledQuantity, BigDecimal averagePrice, BigDecimal fees, String feeCurrency, String tag,
        String reason, long createdTime, long updatedTime) {

    public Order {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        filledQuantity = filledQuantity == null ? BigDecimal.ZERO : filledQuantity;
        fees = fees == null ? BigDecimal.ZERO : fees;
    }

    /** True while the order may still trade. */
    public boolean isOpen() {
        return status.isOpen();
    }

    /** Base quantity still to fill, or {@code null} when the order is sized by quote amount. */
    public BigDecimal remainingQuantity() {
        return quantity == null ? null : quantity.subtract(filledQuantity);
    }
}
