package io.cambist.api.exchange;

import java.util.Objects;

import io.cambist.api.order.Fill;

/**
 * An order update pushed by a venue (Binance {@code executionReport}, Kraken {@code executions}), or produced by the
 * paper matching engine. The core applies it to the order, deduplicating fills by trade id.
 *
 * @param account the account it concerns
 * @param order   the order's state at the venue after the update
 * @param fill    the execution that caused it, or {@code null} for a pure state change
 */
public record ExecutionReport(String account, VenueOrder order, Fill fill) {

    public ExecutionReport {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(order, "order");
    }
}
