package io.cambist.strategy.grid.internal;

import java.math.BigDecimal;

import io.cambist.api.model.ClientOrderId;

/**
 * One grid: the interval between level {@code index} and level {@code index + 1}. It holds at most one order at a
 * time: a buy at its lower price while it holds nothing, or a sell of what it bought at its upper price.
 */
final class GridSlot {

    enum State {
        /** No order: to be placed at the next candle. */
        IDLE,
        /** A buy limit at the lower price is working. */
        BUYING,
        /** A sell limit at the upper price is working. */
        SELLING
    }

    final int index;
    State state = State.IDLE;
    /** The working order, or {@code null} while IDLE. */
    ClientOrderId order;
    /** Base this grid holds, to be sold one level up; {@code null} when it holds nothing. */
    BigDecimal held;
    /** Average price the grid's own buy paid for {@link #held}; {@code null} for inventory bought otherwise. */
    BigDecimal cost;
    /** Quote fees of that buy. */
    BigDecimal buyFee;
    /** Consecutive refusals of this grid's orders, and the candle before which it waits after one. */
    int refusals;
    long retryAt;

    GridSlot(int index) {
        this.index = index;
    }

    boolean holds() {
        return held != null && held.signum() > 0;
    }

    void idle() {
        state = State.IDLE;
        order = null;
    }

    void working(State s, ClientOrderId id) {
        state = s;
        order = id;
    }

    void clearHolding() {
        held = null;
        cost = null;
        buyFee = null;
    }
}
