/**
 * Orders as the core manages them: the {@link io.cambist.api.order.OrderService} (submit, cancel, query, with
 * idempotent client order ids), the order state machine, fills and the order events delivered to the strategy that
 * owns an order. The core implements the service; strategies and the admin API call it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.cambist.api.order;
