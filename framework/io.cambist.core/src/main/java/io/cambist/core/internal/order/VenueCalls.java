package io.cambist.core.internal.order;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.RateLimitException;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;
import io.cambist.core.internal.account.AccountSlot;
import io.cambist.core.internal.account.Accounts;

/**
 * Every call to a venue about orders, run on the account's serial lane: placing (only once the account is
 * reconciled; before that orders wait, bounded), cancelling, fetching missed fills, verifying orders whose outcome a
 * network error hid; reconciliation when a connector binds is {@link Reconciler}'s.
 */
public final class VenueCalls {

    private static final long[] VERIFY_DELAYS = {1_000, 5_000, 30_000};

    private final Logger logger = LoggerFactory.getLogger(VenueCalls.class);
    private final OrderManager orders;
    private final Accounts accounts;
    private final ScheduledExecutorService timers;
    private final long sendWaitMillis;
    private final Object lock;
    private final Map<String, LinkedHashSet<OrderRecord>> waiting = new HashMap<>();
    private final Map<String, LinkedHashSet<OrderRecord>> pendingCancels = new HashMap<>();
    private final Reconciler reconciler;
    private volatile Consumer<String> onReady = a -> {
    };

    /**
     * @param timers         timers for deadlines and retries, or {@code null} in backtests (everything is immediate)
     * @param sendWaitMillis how long an order waits for its account to be reconciled before it is rejected
     */
    public VenueCalls(OrderManager orders, Accounts accounts, ScheduledExecutorService timers, long sendWaitMillis) {
        this.orders = orders;
        this.accounts = accounts;
        this.timers = timers;
        this.sendWaitMillis = sendWaitMillis;
        this.lock = orders.lock();
        this.reconciler = new Reconciler(this);
        orders.venueCalls(this);
    }

    /** Told when an account is reconciled after its connector bound (strategies on it may resume). */
    public void onReady(Consumer<String> listener) {
        this.onReady = listener;
    }

    // ---------------------------------------------------------------- orders

    void send(OrderRecord rec) {
        AccountSlot slot = accounts.slot(rec.account);
        synchronized (lock) {
            if (!slot.ready()) {
                park(slot, rec);
                return;
            }
        }
        slot.lane().execute(() -> place(slot, rec));
    }

    private void park(AccountSlot slot, OrderRecord rec) {
        waiting.computeIfAbsent(slot.account(), k -> new LinkedHashSet<>()).add(rec);
        if (timers != null) {
            timers.schedule(() -> expireWaiting(rec), sendWaitMillis, TimeUnit.MILLISECONDS);
        }
        logger.info("order {} waits for account '{}' to be reconciled (at most {})", rec.id, slot.account(),
                duration(sendWaitMillis));
    }

    private void expireWaiting(OrderRecord rec) {
        synchronized (lock) {
            LinkedHashSet<OrderRecord> w = waiting.get(rec.account);
            if (w != null && w.remove(rec)) {
                orders.close(rec, OrderStatus.REJECTED, "account '" + rec.account + "' was not connected and reconciled"
                        + " within " + duration(sendWaitMillis) + "; the order was not sent");
            }
        }
    }

    private static String duration(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Takes an order that has not left yet out of the waiting list (under the book lock); true when it was there. */
    boolean withdraw(OrderRecord rec) {
        LinkedHashSet<OrderRecord> w = waiting.get(rec.account);
        return w != null && w.remove(rec);
    }

    private void place(AccountSlot slot, OrderRecord rec) {
        ExchangeConnector c;
        synchronized (lock) {
            if (rec.status != OrderStatus.PENDING_NEW || rec.sent) {
                return;
            }
            c = slot.connector();
            if (c == null || !slot.ready()) {
                park(slot, rec);
                return;
            }
            rec.sent = true;
        }
        try {
            VenueOrder ack = c.place(rec.request());
            if (ack != null) {
                orders.apply(slot.account(), ack, null);
            }
        } catch (RateLimitException e) {
            orders.close(rec, OrderStatus.REJECTED, "rate limited by the venue, the order was not placed: "
                    + e.getMessage());
        } catch (AuthenticationException e) {
            orders.close(rec, OrderStatus.REJECTED, "the venue refused the credentials: " + e.getMessage());
        } catch (ExchangeException e) {
            if (e.isRetryable()) {
                unknownOutcome(slot, rec, e);
            } else {
                orders.close(rec, OrderStatus.REJECTED, e.getMessage());
            }
        } catch (RuntimeException e) {
            unknownOutcome(slot, rec, e);
        }
    }

    private void unknownOutcome(AccountSlot slot, OrderRecord rec, RuntimeException e) {
        synchronized (lock) {
            rec.outcomeUnknown = true;
        }
        logger.warn("order {}: no clear answer from the venue ({}); verifying it by client order id, never re-sending",
                rec.id, e.getMessage());
        scheduleVerify(slot, rec, 0, String.valueOf(e.getMessage()));
    }

    private void scheduleVerify(AccountSlot slot, OrderRecord rec, int attempt, String cause) {
        Runnable task = () -> slot.lane().execute(() -> verify(slot, rec, attempt, cause));
        if (timers == null) {
            task.run();
        } else {
            timers.schedule(task, VERIFY_DELAYS[attempt], TimeUnit.MILLISECONDS);
        }
    }

    private void verify(AccountSlot slot, OrderRecord rec, int attempt, String cause) {
        ExchangeConnector c = slot.connector();
        if (!rec.status.isOpen() || c == null) {
            return; // settled, or the next reconciliation will settle it
        }
        boolean last = attempt + 1 >= VERIFY_DELAYS.length || timers == null;
        try {
            Optional<VenueOrder> v = c.query(rec.instrument, rec.id);
            if (v.isPresent()) {
                synchronized (lock) {
                    rec.outcomeUnknown = false;
                }
                orders.apply(slot.account(), v.get(), null);
            } else if (last) {
                orders.close(rec, rec.status == OrderStatus.PENDING_NEW ? OrderStatus.REJECTED : OrderStatus.EXPIRED,
                        "the venue did not confirm the order (" + cause + ") and does not know it, so it was not placed;"
                                + " it is not re-sent");
            } else {
                scheduleVerify(slot, rec, attempt + 1, cause);
            }
        } catch (RuntimeException e) {
            if (!last) {
                scheduleVerify(slot, rec, attempt + 1, cause);
            } else {
                logger.warn("order {} still unverified ({}); it will be settled at the next reconciliation", rec.id,
                        e.getMessage());
            }
        }
    }

    void cancel(OrderRecord rec) {
        AccountSlot slot = accounts.slot(rec.account);
        slot.lane().execute(() -> cancelAtVenue(slot, rec));
    }

    private void cancelAtVenue(AccountSlot slot, OrderRecord rec) {
        if (!rec.status.isOpen()) {
            return;
        }
        ExchangeConnector c = slot.connector();
        if (c == null || !slot.ready()) {
            synchronized (lock) {
                pendingCancels.computeIfAbsent(slot.account(), k -> new LinkedHashSet<>()).add(rec);
            }
            return;
        }
        try {
            VenueOrder v = c.cancel(rec.instrument, rec.id);
            if (v != null) {
                orders.apply(slot.account(), v, null);
            }
        } catch (OrderNotFoundException e) {
            verify(slot, rec, VERIFY_DELAYS.length, "cancel: " + e.getMessage());
        } catch (RuntimeException e) {
            synchronized (lock) {
                rec.cancelRequested = false;
            }
            logger.warn("cancelling order {} on '{}' failed: {}; cancel it again", rec.id, slot.account(),
                    e.getMessage());
        }
    }

    /** Fetches fills the venue reported in its totals but the core has not seen. */
    void catchUp(OrderRecord rec) {
        AccountSlot slot = accounts.slot(rec.account);
        slot.lane().execute(() -> {
            ExchangeConnector c = slot.connector();
            if (c == null) {
                return;
            }
            try {
                Set<Capability> caps = slot.capabilities();
                Optional<VenueOrder> v = caps.isEmpty() || caps.contains(Capability.QUERY_ORDER)
                        ? c.query(rec.instrument, rec.id) : Optional.empty();
                if (v.isPresent()) {
                    settle(c, caps, rec, v.get());
                }
            } catch (RuntimeException e) {
                logger.warn("fetching the missed fills of order {} failed: {}", rec.id, e.getMessage());
            }
        });
    }

    /** Applies fills the core misses (fetched, or one synthetic fill when the venue lists none) and then the state. */
    private void settle(ExchangeConnector c, Set<Capability> caps, OrderRecord rec, VenueOrder v) {
        if (v.filledQuantity().compareTo(rec.filled) > 0 && (caps.isEmpty() || caps.contains(Capability.ORDER_FILLS))) {
            List<Fill> fills = c.fills(rec.instrument, rec.id);
            for (Fill f : fills == null ? List.<Fill>of() : fills) {
                orders.applyLooseFill(rec, f);
            }
        }
        orders.apply(rec.account, v, synthetic(rec, v), false);
    }

    private Fill synthetic(OrderRecord rec, VenueOrder v) {
        BigDecimal missing;
        BigDecimal ourAverage;
        BigDecimal ourFilled;
        synchronized (lock) {
            missing = v.filledQuantity().subtract(rec.filled);
            ourAverage = rec.averagePrice;
            ourFilled = rec.filled;
        }
        if (missing.signum() <= 0) {
            return null;
        }
        BigDecimal price = null;
        if (v.averagePrice() != null) {
            BigDecimal ours = ourAverage == null ? BigDecimal.ZERO : ourAverage.multiply(ourFilled);
            price = v.averagePrice().multiply(v.filledQuantity()).subtract(ours).divide(missing, MathContext.DECIMAL64);
        } else if (rec.limitPrice != null) {
            price = rec.limitPrice;
        }
        if (price == null || price.signum() <= 0) {
            logger.warn("order {}: the venue reports {} more filled but neither its fills nor a price; positions will"
                    + " be corrected only by the balance refresh", rec.id, missing.toPlainString());
            return null;
        }
        logger.warn("order {}: the venue lists no fills for {} filled quantity; recording one reconciled fill at {}",
                rec.id, missing.toPlainString(), price.toPlainString());
        return new Fill("reconciled-" + rec.id + "-" + v.filledQuantity().toPlainString(), rec.id, v.venueOrderId(),
                rec.instrument, rec.side, price, missing, BigDecimal.ZERO, null, null, v.time());
    }

    // ---------------------------------------------------------------- for the reconciler

    /** Orders parked for an account (under the book lock). */
    Set<OrderRecord> parked(String account) {
        return waiting.getOrDefault(account, new LinkedHashSet<>());
    }

    /** Takes the account's parked orders and deferred cancels (under the book lock). */
    List<List<OrderRecord>> drain(String account) {
        LinkedHashSet<OrderRecord> w = waiting.remove(account);
        LinkedHashSet<OrderRecord> pc = pendingCancels.remove(account);
        return List.of(w == null ? List.of() : new ArrayList<>(w), pc == null ? List.of() : new ArrayList<>(pc));
    }

    void sendNow(AccountSlot slot, OrderRecord rec) {
        place(slot, rec);
    }

    void cancelNow(AccountSlot slot, OrderRecord rec) {
        cancelAtVenue(slot, rec);
    }

    void settleNow(ExchangeConnector c, Set<Capability> caps, OrderRecord rec, VenueOrder v) {
        settle(c, caps, rec, v);
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    OrderManager orders() {
        return orders;
    }

    Consumer<String> readyListener() {
        return onReady;
    }

    /** A connector was bound: resubscribe its streams, then reconcile, then let orders flow. */
    public void bound(AccountSlot slot, int generation) {
        reconciler.bound(slot, generation);
    }

    /** Re-reads open orders and balances (after a reconnect). */
    public void refresh(AccountSlot slot) {
        reconciler.refresh(slot);
    }
}
