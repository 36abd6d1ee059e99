package io.cambist.exchange.binance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.order.OrderStatus;

/**
 * The single door through which order updates reach the core, whether they come from the user data stream or from
 * recovery after a reconnect. Drops fills already reported (by trade id), repeated or backward state events, so the
 * core sees every fill once and only legal transitions; remembers the orders whose updates it may still owe, which
 * is what recovery asks the venue about after an outage.
 */
public final class OrderTracker {

    /** What recovery needs to know about an order that may have changed while the stream was down. */
    public record Pending(ClientOrderId clientOrderId, String symbol, Instrument instrument, BigDecimal reportedFilled) {
    }

    private static final class Tracked {
        final String symbol;
        final Instrument instrument;
        OrderStatus reported;
        BigDecimal reportedFilled = BigDecimal.ZERO;
        BigDecimal venueFilled = BigDecimal.ZERO;
        boolean venueTerminal;

        Tracked(String symbol, Instrument instrument) {
            this.symbol = symbol;
            this.instrument = instrument;
        }
    }

    private final String account;
    private final Consumer<ExecutionReport> sink;
    private final Map<ClientOrderId, Tracked> open = new LinkedHashMap<>();
    private final Map<ClientOrderId, OrderStatus> finished;
    private final Map<String, Boolean> seenTrades;

    public OrderTracker(String account, Consumer<ExecutionReport> sink, int memory) {
        this.account = account;
        this.sink = sink;
        this.finished = lru(memory);
        this.seenTrades = lru(memory * 4);
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
     * Records what the venue answered to a place request (the caller hands that answer to the core itself), or that
     * the outcome is unknown ({@code ack == null}): either way the order is owed updates.
     */
    public synchronized void placed(ClientOrderId id, String symbol, Instrument instrument, VenueOrder ack) {
        if (finished.containsKey(id)) {
            return;
        }
        Tracked t = open.computeIfAbsent(id, k -> new Tracked(symbol, instrument));
        if (ack != null) {
            t.venueFilled = t.venueFilled.max(ack.filledQuantity());
            t.venueTerminal |= ack.status().isTerminal();
        }
    }

    /**
     * Offers an update. It is delivered unless it repeats a fill (same trade id) or a state already reported, or would
     * move the order backwards; a fill that arrives after a later state keeps the later state.
     *
     * @return whether it was delivered
     */
    public synchronized boolean offer(ExecutionReport report, String symbol) {
        VenueOrder order = report.order();
        ClientOrderId id = order.clientOrderId();
        OrderStatus last = open.containsKey(id) ? open.get(id).reported : finished.get(id);
        OrderStatus status = order.status();
        if (report.fill() != null) {
            String key = symbol + ":" + report.fill().tradeId();
            if (seenTrades.containsKey(key)) {
                return false;
            }
            seenTrades.put(key, Boolean.TRUE);
            if (last != null && last != status && !last.canBecome(status)) {
                status = last;
                order = withStatus(order, last);
                report = new ExecutionReport(account, order, report.fill());
            }
        } else if (last != null && (last == status || !last.canBecome(status))) {
            return false;
        }
        Tracked t = open.get(id);
        if (t == null && !finished.containsKey(id)) {
            t = new Tracked(symbol, order.instrument());
            open.put(id, t);
        }
        if (t != null) {
            t.reported = status;
            if (report.fill() != null) {
                t.reportedFilled = t.reportedFilled.add(report.fill().quantity());
            }
            t.venueFilled = t.venueFilled.max(order.filledQuantity());
            t.venueTerminal |= status.isTerminal();
            if (status.isTerminal() && t.reportedFilled.compareTo(t.venueFilled) >= 0) {
                open.remove(id);
                finished.put(id, status);
            }
        }
        sink.accept(report);
        return true;
    }

    /** The orders that may owe updates: not reported as finished, or with fills not yet reported. */
    public synchronized List<Pending> pending() {
        List<Pending> out = new ArrayList<>();
        open.forEach((id, t) -> out.add(new Pending(id, t.symbol, t.instrument, t.reportedFilled)));
        return out;
    }

    /** The last status reported for an order, or {@code null}. */
    public synchronized OrderStatus reported(ClientOrderId id) {
        Tracked t = open.get(id);
        return t != null ? t.reported : finished.get(id);
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
}
