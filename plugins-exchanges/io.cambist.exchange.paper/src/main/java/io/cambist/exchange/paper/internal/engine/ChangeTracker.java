package io.cambist.exchange.paper.internal.engine;

import io.cambist.api.order.Fill;

/** Told about every state change of a {@link MatchingEngine}, so a persistent venue can journal it. */
public interface ChangeTracker {

    /** Tracks nothing (backtests keep no state). */
    ChangeTracker NONE = new ChangeTracker() {
        @Override
        public void order(EngineOrder order) {
        }

        @Override
        public void fill(Fill fill) {
        }

        @Override
        public void balance(String currency) {
        }
    };

    /** An order was created or changed. */
    void order(EngineOrder order);

    /** A fill happened. */
    void fill(Fill fill);

    /** A balance changed. */
    void balance(String currency);
}
