package io.cambist.api.order;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.cambist.api.model.ClientOrderId;

/**
 * The core's order management. Every order passes the risk rules, is journaled (and fsynced) and only then leaves for
 * its venue. Submitting the same client order id again returns the existing order and never creates a second one.
 * Strategies normally use their {@link io.cambist.api.strategy.StrategyContext} instead, which fills in the owner.
 */
@ProviderType
public interface OrderService {

    /**
     * Submits an order on behalf of a strategy instance or an operator.
     *
     * @param strategyId the owning instance, or {@code null} for an operator's order
     * @param request    the order; its account must be set when {@code strategyId} is {@code null}
     * @return the order as accepted ({@link OrderStatus#PENDING_NEW}) or refused ({@link OrderStatus#REJECTED}, with
     *         the reason); for a repeated client order id, the existing order
     */
    Order submit(String strategyId, OrderRequest request);

    /**
     * Asks the venue to cancel an order. The outcome arrives as an order event.
     *
     * @return the order as known now
     * @throws java.util.NoSuchElementException when no order has that id
     */
    Order cancel(ClientOrderId clientOrderId);

    /** The order with that client order id, if the core knows it. */
    Optional<Order> order(ClientOrderId clientOrderId);

    /** Orders matching the query, newest first. */
    List<Order> orders(OrderQuery query);

    /** A fresh, unique client order id (at most 18 characters). */
    ClientOrderId newClientOrderId();
}
