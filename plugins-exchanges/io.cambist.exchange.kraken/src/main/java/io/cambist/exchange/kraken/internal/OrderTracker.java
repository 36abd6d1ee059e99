package io.cambist.exchange.kraken.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.OrderStatus;

/**
 * The single door through which order updates reach the core, whether they come from the executions channel or from
 * recovery after an outage. Drops fills already reported (by {@code exec_id}, the trade's txid) and repeated or
 * backward state events, so the core sees every fill once and only legal transitions. Remembers Kraken's txid of each
 * order (trade events and REST queries name orders by it) and the orders that may still owe updates, which is what
 * recovery asks the venue about after an outage.
 */
public final class OrderTracker {

    /** What recovery needs to know about an order that may have changed while the stream was down. */
    public record Pending(ClientOrderId clientOrderId, String txid, Instrument instrument, BigDecimal reportedFilled) {
    }

    private static final class Tracked {
        VenueOrder known;
        OrderStatus reported;
        BigDecimal reportedFilled = BigDecimal.ZERO;
        BigDecimal venueFilled = BigDecimal.ZERO;

        Tracked(VenueOrder known) {
            this.known = known;
        }
    }

    private final String account;
    private final Consumer<ExecutionReport> sink;
    private final Map<ClientOrderId, Tracked> open = new LinkedHashMap<>();
    private final Map<ClientOrderId, VenueOrder> finished;
    private final Map<String, ClientOrderId> byTxid;
    private final Map<String, Boolean> seenExecs;

    public OrderTracker(String account, Consumer<ExecutionReport> sink, int memory) {
        this.account = account;
        this.sink = sink;
        this.finished = lru(memory);
        this.byTxid = lru(memory * 2);
        this.seenExecs = lru(memory * 4);
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Records an order just sent: {@code order} is what was asked for, with Kraken's txid when the answer came
     * ({@code null} txid when the outcome is unknown). Either way the order is owed updates. The caller hands the
     * answer to the core itself.
     */
    public synchronized void placed(VenueOrder order) {
        ClientOrderId id = order.clientOrderId();
        if (finished.containsKey(id)) {
            return;
        }
        Tracked t = open.get(id);
        if (t == null) {
            open.put(id, new Tracked(order));
        } else if (order.venueOrderId() != null) {
            t.known = withVenueId(t.known, order.venueOrderId());
        }
        if (order.venueOrderId() != null) {
            byTxid.put(order.venueOrderId().value(), id);
        }
    }

    /**
     * Takes over an order this tracker did not place (an open order in the executions snapshot after a restart) as
     * already reported in its current state, so only later changes are reported.
     */
    public synchronized void adopt(VenueOrder order) {
        ClientOrderId id = order.clientOrderId();
        if (open.containsKey(id) || finished.containsKey(id)) {
            return;
        }
        Tracked t = new Tracked(order);
        t.reported = order.status();
        t.reportedFilled = order.filledQuantity();
        t.venueFilled = order.filledQuantity();
        if (order.status().isTerminal()) {
            finished.put(id, order);
        } else {
            open.put(id, t);
        }
        if (order.venueOrderId() != null) {
            byTxid.put(order.venueOrderId().value(), id);
        }
    }

    /** The client order id of a Kraken txid, when the order is known. */
    public synchronized Optional<ClientOrderId> clientOrderId(String txid) {
        return txid == null ? Optional.empty() : Optional.ofNullable(byTxid.get(txid));
    }

    /** The order as last known (asked for or reported), when tracked. */
    public synchronized Optional<VenueOrder> known(ClientOrderId id) {
        Tracked t = open.get(id);
        return t != null ? Optional.of(t.known) : Optional.ofNullable(finished.get(id));
    }

    /** Kraken's txid of an order, when known. */
    public synchronized Optional<String> txid(ClientOrderId id) {
        return known(id).map(VenueOrder::venueOrderId).map(VenueOrderId::value);
    }

    /** Whether a fill with this execution id was already reported. */
    public synchronized boolean seen(String execId) {
        return seenExecs.containsKey(execId);
    }

    /**
     * Offers an update. It is delivered unless it repeats a fill (same exec id) or a state already reported, or would
     * move the order backwards; a fill that arrives after a later state keeps the later state.
     *
     * @return whether it was delivered
     */
    public synchronized boolean offer(ExecutionReport report) {
        VenueOrder order = report.order();
        ClientOrderId id = order.clientOrderId();
        Tracked t = open.get(id);
        OrderStatus last = t != null ? t.reported : finished.containsKey(id) ? finished.get(id).status() : null;
        OrderStatus status = order.status();
        if (report.fill() != null) {
            String exec = report.fill().tradeId();
            if (seenExecs.containsKey(exec)) {
                return false;
            }
            seenExecs.put(exec, Boolean.TRUE);
            if (last != null && last != status && !last.canBecome(status)) {
                order = withStatus(order, last);
                report = new ExecutionReport(account, order, report.fill());
                status = last;
            }
        } else if (last != null && (last == status || !last.canBecome(status))) {
            return false;
        }
        if (t == null && !finished.containsKey(id)) {
            t = new Tracked(order);
            open.put(id, t);
        }
        if (order.venueOrderId() != null) {
            byTxid.put(order.venueOrderId().value(), id);
        }
        if (t != null) {
            t.known = order;
            t.reported = status;
            if (report.fill() != null) {
                t.reportedFilled = t.reportedFilled.add(report.fill().quantity());
            }
            t.venueFilled = t.venueFilled.max(order.filledQuantity());
            if (status.isTerminal() && t.reportedFilled.compareTo(t.venueFilled) >= 0) {
                open.remove(id);
                finished.put(id, order);
            }
        }
        sink.accept(report);
        return true;
    }

    /** The orders that may owe updates: not reported as finished, or with fills not yet reported. */
    public synchronized List<Pending> pending() {
        List<Pending> out = new ArrayList<>();
        open.forEach((id, t) -> out.add(new Pending(id, t.known.venueOrderId() == null ? null
                : t.known.venueOrderId().value(), t.known.instrument(), t.reportedFilled)));
        return out;
    }

    /** Forgets an order the venue does not know (it never arrived). */
    public synchronized void forget(ClientOrderId id) {
        Tracked t = open.get(id);
        if (t != null && t.reported == null) {
            open.remove(id);
        }
    }

    static VenueOrder withStatus(VenueOrder o, OrderStatus status) {
        return new VenueOrder(o.clientOrderId(), o.venueOrderId(), o.instrument(), o.side(), o.type(), status,
                o.quantity(), o.filledQuantity(), o.averagePrice(), o.limitPrice(), o.reason(), o.time());
    }

    static VenueOrder withFill(VenueOrder o, OrderStatus status, BigDecimal filled) {
        return new VenueOrder(o.clientOrderId(), o.venueOrderId(), o.instrument(), o.side(), o.type(), status,
                o.quantity(), filled, o.averagePrice(), o.limitPrice(), o.reason(), o.time());
    }

    private static VenueOrder withVenueId(VenueOrder o, VenueOrderId id) {
        return new VenueOrder(o.clientOrderId(), id, o.instrument(), o.side(), o.type(), o.status(), o.quantity(),
                o.filledQuantity(), o.averagePrice(), o.limitPrice(), o.reason(), o.time());
    }
}
