package io.cambist.core.internal.account;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import io.cambist.api.exchange.AccountInfo;
import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;

/**
 * One venue account as the core sees it, across connector bindings: the bound connector (if any), whether its open
 * orders have been reconciled since it was bound (no order is sent before), its instruments, and the serial lane on
 * which every call to the venue for this account runs, in order.
 */
public final class AccountSlot {

    private final String account;
    private final Executor lane;
    private final Map<Subscription, Integer> subscriptions = new HashMap<>();
    private volatile ExchangeConnector connector;
    private volatile String venue;
    private volatile int generation;
    private volatile boolean ready;
    private volatile Map<Instrument, InstrumentSpec> specs = Map.of();
    private volatile ConnectionStatus lastStatus;
    private volatile String problem;
    private volatile long reconciledAt;

    public AccountSlot(String account, Executor lane) {
        this.account = account;
        this.lane = lane;
    }

    public String account() {
        return account;
    }

    /** The serial executor for this account's venue calls. */
    public Executor lane() {
        return lane;
    }

    /** The bound connector, or {@code null}. */
    public ExchangeConnector connector() {
        return connector;
    }

    public String venue() {
        return venue;
    }

    /** Changes with every bind and unbind, so work started for an old binding can tell. */
    public int generation() {
        return generation;
    }

    /** True once open orders were reconciled with the bound connector; orders flow only then. */
    public boolean ready() {
        return ready && connector != null;
    }

    /** Binds a connector; returns the new generation. */
    public synchronized int bind(ExchangeConnector c, String venueName) {
        connector = c;
        venue = venueName;
        ready = false;
        problem = null;
        lastStatus = null;
        return ++generation;
    }

    /** Unbinds {@code c} if it is the bound connector; returns true when it was. */
    public synchronized boolean unbind(ExchangeConnector c) {
        if (connector != c) {
            return false;
        }
        connector = null;
        ready = false;
        generation++;
        return true;
    }

    /** Marks the account reconciled for {@code gen}; false when the binding changed meanwhile. */
    public synchronized boolean markReady(int gen, long now) {
        if (gen != generation || connector == null) {
            return false;
        }
        ready = true;
        problem = null;
        reconciledAt = now;
        return true;
    }

    public long reconciledAt() {
        return reconciledAt;
    }

    public Map<Instrument, InstrumentSpec> specs() {
        return specs;
    }

    public void specs(Map<Instrument, InstrumentSpec> newSpecs) {
        specs = Map.copyOf(newSpecs);
    }

    /** The capabilities of the bound connector (empty when none is bound). */
    public Set<Capability> capabilities() {
        ExchangeConnector c = connector;
        if (c == null) {
            return Set.of();
        }
        try {
            Set<Capability> caps = c.capabilities();
            return caps == null ? Set.of() : caps;
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    /** What went wrong in the last reconciliation, or {@code null}. */
    public String problem() {
        return problem;
    }

    public void problem(String text) {
        problem = text;
    }

    public ConnectionStatus lastStatus() {
        return lastStatus;
    }

    public void lastStatus(ConnectionStatus status) {
        lastStatus = status;
    }

    /** Counts a subscriber; true when it is the first (the connector must be asked). */
    public synchronized boolean addSubscriber(Subscription s) {
        return subscriptions.merge(s, 1, Integer::sum) == 1;
    }

    /** Removes a subscriber; true when it was the last (the connector may stop the stream). */
    public synchronized boolean removeSubscriber(Subscription s) {
        Integer n = subscriptions.get(s);
        if (n == null) {
            return false;
        }
        if (n <= 1) {
            subscriptions.remove(s);
            return true;
        }
        subscriptions.put(s, n - 1);
        return false;
    }

    /** The streams subscribers want (resubscribed after a new connector binds). */
    public synchronized Set<Subscription> subscriptions() {
        return Set.copyOf(subscriptions.keySet());
    }

    /** The account as the admin API shows it. */
    public AccountInfo info(long now) {
        ExchangeConnector c = connector;
        ConnectionStatus status;
        long malformed = 0;
        if (c == null) {
            status = ConnectionStatus.of(ConnectionState.OFFLINE, "no exchange connector bound for this account", now);
        } else {
            try {
                status = c.status();
                malformed = c.malformedMessages();
            } catch (RuntimeException e) {
                status = ConnectionStatus.of(ConnectionState.DEGRADED, "status unavailable: " + e.getMessage(), now);
            }
            if (status == null) {
                status = lastStatus != null ? lastStatus : ConnectionStatus.of(ConnectionState.CONNECTING, null, now);
            }
            if (!ready && status.state() == ConnectionState.ONLINE) {
                status = ConnectionStatus.of(ConnectionState.DEGRADED,
                        problem != null ? "reconciling open orders: " + problem : "reconciling open orders", now);
            }
        }
        return new AccountInfo(account, venue == null ? "" : venue, status, capabilities(), specs.size(), ready(),
                malformed);
    }
}
