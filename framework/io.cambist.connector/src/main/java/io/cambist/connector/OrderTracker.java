package io.cambist.connector;

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
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;

/**
 * The single door through which order updates reach the core, whether they come from the venue's private stream or
 * from recovery after an outage. Drops fills already reported (by trade id) and repeated or backward state events,
 * so the core sees every fill once and only legal transitions; remembers each order's venue order id and the orders
 * that may still owe updates, which is what recovery asks the venue about after an outage.
 * <p>
 * Trade ids are unique per <em>market</em> on some venues (Binance numbers trades per symbol) and venue-wide on
 * others (Kraken's txids): callers pass the venue's market code where ids are per market, {@code null} otherwise.
 */
public final class OrderTracker {

    /**
     * What recovery needs to know about an order that may have changed while the stream was down.
     *
     * @param known          the order as last asked for or reported
     * @param market         the market code given when the order was first tracked, or {@code null}
     * @param reportedFilled the quantity of the fills reported so far
     */
    public record Pending(ClientOrderId clientOrderId, VenueOrder known, String market, BigDecimal reportedFilled) {

        /** The order's instrument. */
        public Instrument instrument() {
            return known.instrument();
        }

        /** The venue's order id, or {@code null} while it is unknown (the answer to the place request was lost). */
        public String venueOrderId() {
            return known.venueOrderId() == null ? null : known.venueOrderId().value();
        }
    }

    private static final class Tracked {
        final String market;
        VenueOrder known;
        OrderStatus reported;
        BigDecimal reportedFilled = BigDecimal.ZERO;
        BigDecimal venueFilled = BigDecimal.ZERO;

        Tracked(VenueOrder known, String market) {
            this.known = known;
            this.market = market;
        }
    }

    private final String account;
    private final Consumer<ExecutionReport> sink;
    private final Map<ClientOrderId, Tracked> open = new LinkedHashMap<>();
    private final Map<ClientOrderId, VenueOrder> finished;
    private final Map<String, ClientOrderId> byVenueId;
    private final Map<String, Boolean> seenFills;

    /**
     * @param account the account id put on the reports this tracker builds
     * @param sink    where delivered reports go (typically {@code VenueListener::onExecution})
     * @param memory  how many finished orders are remembered (venue ids twice, trade ids four times as many)
     */
    public OrderTracker(String account, Consumer<ExecutionReport> sink, int memory) {
        this.account = account;
        this.sink = sink;
        this.finished = lru(memory);
        this.byVenueId = lru(memory * 2);
        this.seenFills = lru(memory * 4);
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

    /** {@link #placed(VenueOrder, String)} on a venue whose trade ids are unique venue-wide. */
    public void placed(VenueOrder order) {
        placed(order, null);
    }

    /**
     * Records an order just sent: the venue's answer, or what was asked for when the outcome is unknown (no venue
     * order id). Either way the order is owed updates until it is reported finished with all its fills. The caller
     * hands the answer to the core itself.
     */
    public synchronized void placed(VenueOrder order, String market) {
        ClientOrderId id = order.clientOrderId();
        if (finished.containsKey(id)) {
            return;
        }
        Tracked t = open.get(id);
        if (t == null) {
            t = new Tracked(order, market);
            open.put(id, t);
        } else if (order.venueOrderId() != null) {
            t.known = withVenueId(t.known, order.venueOrderId());
        }
        t.venueFilled = t.venueFilled.max(order.filledQuantity());
        if (order.venueOrderId() != null) {
            byVenueId.put(order.venueOrderId().value(), id);
        }
    }

    /**
     * Takes over an order this tracker did not place (an open order in a private stream's snapshot after a restart)
     * as already reported in its current state, so only later changes are reported.
     */
    public synchronized void adopt(VenueOrder order) {
        ClientOrderId id = order.clientOrderId();
        if (open.containsKey(id) || finished.containsKey(id)) {
            return;
        }
        Tracked t = new Tracked(order, null);
        t.reported = order.status();
        t.reportedFilled = order.filledQuantity();
        t.venueFilled = order.filledQuantity();
        if (order.status().isTerminal()) {
            finished.put(id, order);
        } else {
            open.put(id, t);
        }
        if (order.venueOrderId() != null) {
            byVenueId.put(order.venueOrderId().value(), id);
        }
    }

    /** The client order id of a venue order id, when the order is known. */
    public synchronized Optional<ClientOrderId> clientOrderId(String venueOrderId) {
        return venueOrderId == null ? Optional.empty() : Optional.ofNullable(byVenueId.get(venueOrderId));
    }

    /** The order as last known (asked for or reported), when tracked. */
    public synchronized Optional<VenueOrder> known(ClientOrderId id) {
        Tracked t = open.get(id);
        return t != null ? Optional.of(t.known) : Optional.ofNullable(finished.get(id));
    }

    /** The venue's order id of an order, when known. */
    public synchronized Optional<String> venueOrderId(ClientOrderId id) {
        return known(id).map(VenueOrder::venueOrderId).map(VenueOrderId::value);
    }

    /** Whether a fill with this venue-wide trade id was already reported. */
    public boolean seen(String tradeId) {
        return seen(null, tradeId);
    }

    /** Whether a fill with this trade id in this market ({@code null}: venue-wide ids) was already reported. */
    public synchronized boolean seen(String market, String tradeId) {
        return seenFills.containsKey(fillKey(market, tradeId));
    }

    /** {@link #offer(ExecutionReport, String)} on a venue whose trade ids are unique venue-wide. */
    public boolean offer(ExecutionReport report) {
        return offer(report, null);
    }

    /**
     * Offers an update. It is delivered unless it repeats a fill (same trade id in the same market) or a state
     * already reported, or would move the order backwards; a fill that arrives after a later state keeps the later
     * state.
     *
     * @param market the venue's market code when trade ids are unique only per market, else {@code null}
     * @return whether it was delivered
     */
    public synchronized boolean offer(ExecutionReport report, String market) {
        VenueOrder order = report.order();
        ClientOrderId id = order.clientOrderId();
        Tracked t = open.get(id);
        OrderStatus last = t != null ? t.reported : finished.containsKey(id) ? finished.get(id).status() : null;
        OrderStatus status = order.status();
        if (report.fill() != null) {
            String key = fillKey(market, report.fill().tradeId());
            if (seenFills.containsKey(key)) {
                return false;
            }
            seenFills.put(key, Boolean.TRUE);
            if (last != null && last != status && !last.canBecome(status)) {
                order = withStatus(order, last);
                report = new ExecutionReport(account, order, report.fill());
                status = last;
            }
        } else if (last != null && (last == status || !last.canBecome(status))) {
            return false;
        }
        if (t == null && !finished.containsKey(id)) {
            t = new Tracked(order, market);
            open.put(id, t);
        }
        if (order.venueOrderId() != null) {
            byVenueId.put(order.venueOrderId().value(), id);
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

    /**
     * Offers what recovery learnt about one order: each fill in the given order, with the cumulative filled quantity
     * growing from {@code filledBefore} (the last fill that completes the order carries the venue's final status, the
     * others PARTIALLY_FILLED), then the order's current state. Whatever the stream delivered already is dropped.
     *
     * @param venue        the order as the venue reports it now
     * @param fills        the fills to offer, in the venue's order
     * @param filledBefore the filled quantity before the first of {@code fills}
     * @param market       as for {@link #offer(ExecutionReport, String)}
     */
    public void recovered(VenueOrder venue, List<Fill> fills, BigDecimal filledBefore, String market) {
        BigDecimal cumulative = filledBefore;
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            cumulative = cumulative.add(f.quantity());
            boolean last = i == fills.size() - 1 && cumulative.compareTo(venue.filledQuantity()) >= 0;
            OrderStatus status = last ? venue.status() : OrderStatus.PARTIALLY_FILLED;
            offer(new ExecutionReport(account, withFill(venue, status, cumulative), f), market);
        }
        offer(new ExecutionReport(account, venue, null), market);
    }

    /** The orders that may owe updates: not reported as finished, or with fills not yet reported. */
    public synchronized List<Pending> pending() {
        List<Pending> out = new ArrayList<>();
        open.forEach((id, t) -> out.add(new Pending(id, t.known, t.market, t.reportedFilled)));
        return out;
    }

    /** The last status reported for an order, or {@code null}. */
    public synchronized OrderStatus reported(ClientOrderId id) {
        Tracked t = open.get(id);
        if (t != null) {
            return t.reported;
        }
        VenueOrder done = finished.get(id);
        return done == null ? null : done.status();
    }

    /** Forgets an order the venue does not know (it never arrived); one with reported updates is kept. */
    public synchronized void forget(ClientOrderId id) {
        Tracked t = open.get(id);
        if (t != null && t.reported == null) {
            open.remove(id);
        }
    }

    /** A copy of the order with another status. */
    public static VenueOrder withStatus(VenueOrder o, OrderStatus status) {
        return new VenueOrder(o.clientOrderId(), o.venueOrderId(), o.instrument(), o.side(), o.type(), status,
                o.quantity(), o.filledQuantity(), o.averagePrice(), o.limitPrice(), o.reason(), o.time());
    }

    /** A copy of the order with another status and filled quantity. */
    public static VenueOrder withFill(VenueOrder o, OrderStatus status, BigDecimal filled) {
        return new VenueOrder(o.clientOrderId(), o.venueOrderId(), o.instrument(), o.side(), o.type(), status,
                o.quantity(), filled, o.averagePrice(), o.limitPrice(), o.reason(), o.time());
    }

    private static VenueOrder withVenueId(VenueOrder o, VenueOrderId id) {
        return new VenueOrder(o.clientOrderId(), id, o.instrument(), o.side(), o.type(), o.status(), o.quantity(),
                o.filledQuantity(), o.averagePrice(), o.limitPrice(), o.reason(), o.time());
    }

    private static String fillKey(String market, String tradeId) {
        return market == null ? tradeId : market + ":" + tradeId;
    }
}
