package io.cambist.core.internal.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;
import io.cambist.core.internal.account.AccountSlot;

/**
 * Reconciles an account with its venue, on the account's lane, when a connector binds (and again after a reconnect):
 * every order the core thinks open is looked up by client order id; missed fills are fetched and deduplicated; an order
 * the venue never saw is closed as REJECTED and never re-sent; only then is the account ready and do parked orders go
 * out.
 */
final class Reconciler {

    private static final long MAX_RETRY = 30_000;

    private final Logger logger = LoggerFactory.getLogger(Reconciler.class);
    private final VenueCalls calls;
    private final OrderManager orders;
    private final Object lock;
    private final Set<ClientOrderId> foreignSeen = new HashSet<>();

    Reconciler(VenueCalls calls) {
        this.calls = calls;
        this.orders = calls.orders();
        this.lock = orders.lock();
    }

    /** A connector was bound: resubscribe its streams, then reconcile, then let orders flow. */
    void bound(AccountSlot slot, int generation) {
        slot.lane().execute(() -> {
            ExchangeConnector c = slot.connector();
            if (c == null || slot.generation() != generation) {
                return;
            }
            for (var s : slot.subscriptions()) {
                try {
                    c.subscribe(s);
                } catch (RuntimeException e) {
                    logger.warn("subscribing {} on '{}' failed: {}", s, slot.account(), e.getMessage());
                }
            }
        });
        slot.lane().execute(() -> reconcile(slot, generation, true, 0));
    }

    /** Re-reads open orders and balances (after a reconnect, and periodically for balances). */
    void refresh(AccountSlot slot) {
        int gen = slot.generation();
        slot.lane().execute(() -> {
            if (slot.ready()) {
                reconcile(slot, gen, false, 0);
            }
        });
    }

    private void reconcile(AccountSlot slot, int generation, boolean initial, int attempt) {
        ExchangeConnector c = slot.connector();
        if (c == null || slot.generation() != generation) {
            return;
        }
        try {
            Map<Instrument, InstrumentSpec> specs = new HashMap<>();
            List<InstrumentSpec> listed = c.instruments();
            for (InstrumentSpec s : listed == null ? List.<InstrumentSpec>of() : listed) {
                specs.put(s.instrument(), s);
            }
            slot.specs(specs);
            Set<Capability> caps = slot.capabilities();
            List<OrderRecord> open = new ArrayList<>();
            synchronized (lock) {
                Set<OrderRecord> parked = calls.parked(slot.account());
                for (OrderRecord r : orders.openOfAccount(slot.account())) {
                    if (!parked.contains(r)) {
                        open.add(r);
                    }
                }
            }
            boolean canQuery = caps.isEmpty() || caps.contains(Capability.QUERY_ORDER);
            Map<ClientOrderId, VenueOrder> venueOpen = null;
            if (caps.isEmpty() || caps.contains(Capability.OPEN_ORDERS)) {
                venueOpen = new HashMap<>();
                List<VenueOrder> listedOpen = c.openOrders();
                for (VenueOrder v : listedOpen == null ? List.<VenueOrder>of() : listedOpen) {
                    venueOpen.put(v.clientOrderId(), v);
                }
            }
            for (OrderRecord rec : open) {
                reconcileOne(c, caps, canQuery, venueOpen, rec);
            }
            if (venueOpen != null) {
                reportForeign(slot, venueOpen);
            }
            if (caps.isEmpty() || caps.contains(Capability.BALANCES)) {
                orders.portfolio().seed(slot.account(), c.balances());
            }
            if (initial) {
                finishInitial(slot, generation, c, open.size());
            }
        } catch (RuntimeException e) {
            slot.problem(String.valueOf(e.getMessage()));
            ScheduledExecutorService timers = calls.timers();
            if (timers == null) {
                throw new IllegalStateException("reconciling account '" + slot.account() + "' failed: " + e.getMessage(), e);
            }
            long delay = Math.min(MAX_RETRY, 1_000L << Math.min(attempt, 5));
            logger.warn("reconciling account '{}' failed: {}; retrying in {} ms", slot.account(), e.getMessage(), delay);
            timers.schedule(() -> slot.lane().execute(() -> reconcile(slot, generation, initial, attempt + 1)), delay,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void reconcileOne(ExchangeConnector c, Set<Capability> caps, boolean canQuery,
            Map<ClientOrderId, VenueOrder> venueOpen, OrderRecord rec) {
        Optional<VenueOrder> v = canQuery ? c.query(rec.instrument, rec.id)
                : Optional.ofNullable(venueOpen == null ? null : venueOpen.get(rec.id));
        if (v.isPresent()) {
            calls.settleNow(c, caps, rec, v.get());
            return;
        }
        if (canQuery) {
            orders.close(rec, rec.status == OrderStatus.PENDING_NEW ? OrderStatus.REJECTED : OrderStatus.EXPIRED,
                    rec.status == OrderStatus.PENDING_NEW
                            ? "not found at the venue during reconciliation: it never reached the venue and is not re-sent"
                            : "the venue no longer knows this order (reconciliation); it is closed");
            return;
        }
        if (venueOpen == null) {
            logger.warn("order {}: the connector of '{}' can neither query orders nor list open ones; left as is",
                    rec.id, rec.account);
            return;
        }
        // not open at the venue and not queryable: take its fills, then close it
        if (caps.contains(Capability.ORDER_FILLS)) {
            for (Fill f : c.fills(rec.instrument, rec.id)) {
                orders.applyLooseFill(rec, f);
            }
        }
        OrderStatus end = rec.complete() ? OrderStatus.FILLED
                : rec.filled.signum() > 0 || rec.status != OrderStatus.PENDING_NEW ? OrderStatus.CANCELED
                        : OrderStatus.REJECTED;
        orders.close(rec, end, end == OrderStatus.REJECTED
                ? "not found at the venue during reconciliation: it never reached the venue and is not re-sent"
                : "no longer open at the venue (reconciliation)");
    }

    private void reportForeign(AccountSlot slot, Map<ClientOrderId, VenueOrder> venueOpen) {
        for (ClientOrderId id : venueOpen.keySet()) {
            OrderRecord known = orders.record(id);
            if ((known == null || !known.status.isOpen()) && foreignSeen.add(id)) {
                logger.warn("account '{}' has an open order {} that the core {}; it is left alone", slot.account(), id,
                        known == null ? "did not place" : "considers closed");
            }
        }
    }

    private void finishInitial(AccountSlot slot, int generation, ExchangeConnector c, int checked) {
        List<OrderRecord> toSend;
        List<OrderRecord> toCancel;
        synchronized (lock) {
            if (!slot.markReady(generation, orders.clock().now())) {
                return;
            }
            List<List<OrderRecord>> drained = calls.drain(slot.account());
            toSend = drained.get(0);
            toCancel = drained.get(1);
        }
        logger.info("account '{}' reconciled: {} open orders checked; {} waiting orders go out now", slot.account(),
                checked, toSend.size());
        for (OrderRecord rec : toSend) {
            calls.sendNow(slot, rec);
        }
        for (OrderRecord rec : toCancel) {
            calls.cancelNow(slot, rec);
        }
        calls.readyListener().accept(slot.account());
    }
}
