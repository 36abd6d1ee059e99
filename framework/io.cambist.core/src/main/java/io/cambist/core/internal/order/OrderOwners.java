package io.cambist.core.internal.order;

import io.cambist.api.order.OrderRequest;

import io.cambist.api.order.OrderEvent;

/** Who owns orders: the strategy runner. Lets the order manager route events and ask whether an owner may trade. */
public interface OrderOwners {

    /** What the order manager needs of one owner. */
    interface Owner {
        /** The instance's account. */
        String account();

        /**
         * Why the instance may not place this order now (halted, failed, stopped, or its position is being closed by
         * an exit), or {@code null}.
         */
        String refusal(OrderRequest request);

        /** Halts the instance (a risk rule said so). */
        void halt(String reason);
    }

    /** The owner with that id, or {@code null} when no instance has it. */
    Owner owner(String strategyId);

    /**
     * Delivers an order event to its owner's queue (never dropped; buffered when the instance is not configured yet,
     * e.g. reconciliation after a restart runs before the configurations arrive). Called under the book lock.
     */
    void publish(String strategyId, OrderEvent event);

    /** No owners at all. */
    OrderOwners NONE = new OrderOwners() {
        @Override
        public Owner owner(String strategyId) {
            return null;
        }

        @Override
        public void publish(String strategyId, OrderEvent event) {
        }
    };
}
