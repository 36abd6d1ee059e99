package io.cambist.api.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order state machine. An order starts {@link #PENDING_NEW} (journaled, not yet acknowledged by the venue) and
 * ends in exactly one terminal state; {@link #canBecome(OrderStatus)} says which transitions are legal.
 */
public enum OrderStatus {
    /** Accepted by risk and journaled; on its way to the venue. */
    PENDING_NEW,
    /** Acknowledged by the venue and working. */
    NEW,
    /** Some quantity filled, the rest working. */
    PARTIALLY_FILLED,
    /** Completely filled. Terminal. */
    FILLED,
    /** Cancelled before it filled completely. Terminal. */
    CANCELED,
    /** Refused by a risk rule, a local venue rule or the venue. Terminal. */
    REJECTED,
    /** Ended by its time in force (IOC/FOK remainder) or by the venue. Terminal. */
    EXPIRED;

    /** True for FILLED, CANCELED, REJECTED and EXPIRED. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }

    /** True while the order may still trade. */
    public boolean isOpen() {
        return !isTerminal();
    }

    /** Whether an order in this state may move to {@code next}. Staying in PARTIALLY_FILLED (another fill) is legal. */
    public boolean canBecome(OrderStatus next) {
        return next(this).contains(next);
    }

    private static Set<OrderStatus> next(OrderStatus s) {
        switch (s) {
            case PENDING_NEW:
                return EnumSet.of(NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED);
            case NEW:
                return EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED);
            case PARTIALLY_FILLED:
                return EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED);
            default:
                return EnumSet.noneOf(OrderStatus.class);
        }
    }
}
