package io.cambist.api.risk;

import java.math.BigDecimal;
import java.util.Objects;

import io.cambist.api.order.OrderRequest;

/**
 * An order a strategy or operator wants to place, as risk rules see it.
 *
 * @param strategyId     the owning instance, or {@code null} for an operator's order
 * @param account        the venue account
 * @param request        the order
 * @param referencePrice the price used to value it: the limit price, else the last market price (may be {@code null}
 *                       when no price is known yet)
 */
public record OrderIntent(String strategyId, String account, OrderRequest request, BigDecimal referencePrice) {

    public OrderIntent {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(request, "request");
    }

    /**
     * The order's value in the quote currency: the quote amount, or quantity × reference price; {@code null} when it
     * cannot be known.
     */
    public BigDecimal notional() {
        if (request.quoteQuantity() != null) {
            return request.quoteQuantity();
        }
        return referencePrice == null ? null : request.quantity().multiply(referencePrice);
    }
}
