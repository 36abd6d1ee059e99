package io.cambist.api.order;

import io.cambist.api.model.Instrument;

/**
 * A filter over the orders the core knows; {@code null} fields match everything.
 *
 * @param account    only this account
 * @param strategyId only orders owned by this strategy instance
 * @param instrument only this instrument
 * @param openOnly   only orders that may still trade
 * @param limit      at most this many, newest first; 0 for no limit
 */
public record OrderQuery(String account, String strategyId, Instrument instrument, boolean openOnly, int limit) {

    /** Every order. */
    public static OrderQuery all() {
        return new OrderQuery(null, null, null, false, 0);
    }

    /** Every open order. */
    public static OrderQuery open() {
        return new OrderQuery(null, null, null, true, 0);
    }

    /** The orders of one strategy instance. */
    public static OrderQuery ofStrategy(String strategyId, boolean openOnly) {
        return new OrderQuery(null, strategyId, null, openOnly, 0);
    }
}
