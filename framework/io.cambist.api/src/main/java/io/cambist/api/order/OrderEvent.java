package io.cambist.api.order;

import java.util.Objects;

/**
 * One transition of an order, delivered to the owning strategy on its own queue, in order.
 *
 * @param order    the order after the transition
 * @param previous the status before it ({@code null} for the first event of an order)
 * @param fill     the fill that caused it, or {@code null}
 */
public record OrderEvent(Order order, OrderStatus previous, Fill fill) {

    public OrderEvent {
        Objects.requireNonNull(order, "order");
    }

    /** The status after the transition. */
    public OrderStatus status() {
        return order.status();
    }

    /** True when this event carries a fill. */
    public boolean isFill() {
        return fill != null;
    }
}
