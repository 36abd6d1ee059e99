package io.cambist.exchange.paper.internal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;

/**
 * The paper venue's matching engine for one instrument: orders, balances and fills, matched against candles with the
 * fill model of {@code docs/paper-venue.md}. Orders placed while candle <i>i</i> is the latest are matched from candle
 * <i>i+1</i> on (see {@link CandleMatcher}). Every change is an {@link ExecutionReport} to the sink. Not thread-safe:
 * the owner serialises calls.
 * <p>
 * Reports produced while a candle is being matched are delivered after the whole candle is matched, so an order placed
 * in reaction to a fill is matched from the next candle on.
 */
public final class MatchingEngine {

    private final String account;
    private final InstrumentSpec spec;
    private final Instrument instrument;
    private final String idPrefix;
    private final ChangeTracker tracker;
    private final Balances balances;
    private final Funds funds;
    private final CandleMatcher matcher;
    private final Map<ClientOrderId, EngineOrder> orders = new HashMap<>();
    private final Map<ClientOrderId, List<Fill>> fills = new HashMap<>();
    private final ArrayList<EngineOrder> open = new ArrayList<>();
    private final ArrayList<ExecutionReport> deferred = new ArrayList<>();
    private Consumer<ExecutionReport> sink = r -> {
    };
    private boolean matching;
    private long nextOrder = 1;
    private long nextTrade = 1;
    private BigDecimal lastPrice;

    public MatchingEngine(EngineSettings settings, ChangeTracker tracker) {
        this.account = settings.account();
        this.spec = settings.spec();
        this.instrument = spec.instrument();
        this.idPrefix = settings.idPrefix();
        this.tracker = tracker;
        this.balances = new Balances(tracker);
        this.funds = new Funds(settings, balances);
        this.matcher = new CandleMatcher(settings, balances, funds, new Recorder());
    }

    /** Where execution reports go. */
    public void sink(Consumer<ExecutionReport> reports) {
        this.sink = reports;
    }

    public Balances balances() {
        return balances;
    }

    public InstrumentSpec spec() {
        return spec;
    }

    /** The last close the engine has seen (the reference price for estimates), or {@code null}. */
    public BigDecimal lastPrice() {
        return lastPrice;
    }

    /**
     * Places an order. A repeated client order id with the same terms returns the existing order unchanged.
     *
     * @param time the venue time of the request
     * @return the order: NEW, or REJECTED with the reason (insufficient balance, post-only that would take, no price)
     * @throws InvalidOrderException  when the order breaks the instrument's rules
     * @throws OrderRejectedException when the client order id is taken by a different order
     */
    public VenueOrder place(OrderRequest r, long time) {
        ClientOrderId id = r.clientOrderId();
        if (id == null) {
            throw new InvalidOrderException("order has no client order id: the venue needs one to recognise a retry");
        }
        if (r.account() != null && !r.account().equals(account)) {
            throw new InvalidOrderException("order is for account '" + r.account() + "' but this is paper account '"
                    + account + "'");
        }
        EngineOrder existing = orders.get(id);
        if (existing != null) {
            if (sameTerms(existing.terms(), r)) {
                return existing.view(instrument);
            }
            throw new OrderRejectedException("client order id " + id + " is already used by a different order on paper "
                    + "account '" + account + "'", "DUPLICATE_CLIENT_ORDER_ID");
        }
        TimeInForce tif = OrderRules.check(account, spec, r, lastPrice);
        long seq = nextOrder++;
        EngineOrder o = new EngineOrder(new EngineOrder.Terms(seq, id, new VenueOrderId(idPrefix + seq), r.side(), r.type(),
                tif, r.quantity(), r.quoteQuantity(), r.limitPrice(), r.stopPrice(), time), OrderStatus.NEW);
        orders.put(id, o);
        String refusal = postOnlyTaking(o);
        if (refusal == null) {
            refusal = funds.reserve(o, lastPrice, "no market price yet: paper account '" + account
                    + "' has not published a candle for " + instrument);
        }
        if (refusal != null) {
            o.status = OrderStatus.REJECTED;
            o.reason = refusal;
        } else {
            open.add(o);
        }
        tracker.order(o);
        report(o, null);
        return o.view(instrument);
    }

    /** A post-only order at or through the last price would take liquidity. */
    private String postOnlyTaking(EngineOrder o) {
        EngineOrder.Terms t = o.terms();
        if (t.timeInForce() != TimeInForce.POST_ONLY || lastPrice == null) {
            return null;
        }
        boolean buy = t.side() == Side.BUY;
        int c = t.limitPrice().compareTo(lastPrice);
        if (buy ? c < 0 : c > 0) {
            return null;
        }
        return "post-only " + (buy ? "buy" : "sell") + " at " + Funds.plain(t.limitPrice())
                + " would take liquidity: the market is at " + Funds.plain(lastPrice);
    }

    private static boolean sameTerms(EngineOrder.Terms t, OrderRequest r) {
        return t.side() == r.side() && t.type() == r.type() && same(t.quantity(), r.quantity())
                && same(t.quoteQuantity(), r.quoteQuantity()) && same(t.limitPrice(), r.limitPrice())
                && same(t.stopPrice(), r.stopPrice());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * Cancels an order; a finished order is returned unchanged.
     *
     * @throws OrderNotFoundException when the id is unknown
     */
    public VenueOrder cancel(ClientOrderId id, long time) {
        EngineOrder o = orders.get(id);
        if (o == null) {
            throw new OrderNotFoundException("order " + id + " is not known to paper account '" + account + "'",
                    "UNKNOWN_ORDER");
        }
        if (o.status.isOpen()) {
            funds.release(o);
            o.status = OrderStatus.CANCELED;
            o.updatedTime = time;
            if (!matching) {
                open.remove(o);
            }
            tracker.order(o);
            report(o, null);
        }
        return o.view(instrument);
    }

    /** One order as the venue reports it. */
    public Optional<VenueOrder> query(ClientOrderId id) {
        EngineOrder o = orders.get(id);
        return o == null ? Optional.empty() : Optional.of(o.view(instrument));
    }

    /** Open orders, oldest first. */
    public List<VenueOrder> openOrders() {
        List<VenueOrder> out = new ArrayList<>(open.size());
        for (EngineOrder o : open) {
            if (o.status.isOpen()) {
                out.add(o.view(instrument));
            }
        }
        return out;
    }

    /** The fills of one order, oldest first (empty for an unknown id). */
    public List<Fill> fills(ClientOrderId id) {
        List<Fill> f = fills.get(id);
        return f == null ? List.of() : List.copyOf(f);
    }

    /** Every order ever placed, by placement sequence (for snapshots). */
    public List<EngineOrder> allOrders() {
        List<EngineOrder> all = new ArrayList<>(orders.values());
        all.sort(Comparator.comparingLong(o -> o.terms().sequence()));
        return all;
    }

    /** Every fill, grouped by order in placement sequence (for snapshots). */
    public List<Fill> allFills() {
        List<Fill> all = new ArrayList<>();
        for (EngineOrder o : allOrders()) {
            all.addAll(fills(o.terms().clientOrderId()));
        }
        return all;
    }

    /** The next order sequence and the next trade sequence (for snapshots). */
    public long[] counters() {
        return new long[] {nextOrder, nextTrade};
    }

    /** Rebuilds the engine from stored state (balances are restored through {@link #balances()}). */
    public void restore(List<EngineOrder> stored, List<Fill> storedFills, long nextOrderSeq, long nextTradeSeq,
            BigDecimal price) {
        List<EngineOrder> sorted = new ArrayList<>(stored);
        sorted.sort(Comparator.comparingLong(o -> o.terms().sequence()));
        for (EngineOrder o : sorted) {
            orders.put(o.terms().clientOrderId(), o);
            if (o.status.isOpen()) {
                open.add(o);
            }
        }
        for (Fill f : storedFills) {
            fills.computeIfAbsent(f.clientOrderId(), k -> new ArrayList<>(1)).add(f);
        }
        nextOrder = nextOrderSeq;
        nextTrade = nextTradeSeq;
        lastPrice = price;
    }

    /** Matches open orders against a new candle, then makes its close the reference price. */
    public void onCandle(Candle c) {
        if (open.isEmpty()) {
            lastPrice = c.close();
            return;
        }
        matching = true;
        try {
            matcher.begin(c);
            int n = open.size();
            for (int i = 0; i < n; i++) {
                EngineOrder o = open.get(i);
                if (o.status.isOpen()) {
                    matcher.match(o, c);
                }
            }
            open.removeIf(o -> o.status.isTerminal());
            lastPrice = c.close();
        } finally {
            matching = false;
        }
        if (!deferred.isEmpty()) {
            ExecutionReport[] out = deferred.toArray(new ExecutionReport[0]);
            deferred.clear();
            for (ExecutionReport r : out) {
                sink.accept(r);
            }
        }
    }

    private void report(EngineOrder o, Fill fill) {
        ExecutionReport r = new ExecutionReport(account, o.view(instrument), fill);
        if (matching) {
            deferred.add(r);
        } else {
            sink.accept(r);
        }
    }

    /** Records what the matcher did: fills in the order's history, every change tracked, every transition reported. */
    private final class Recorder implements CandleMatcher.Outcome {
        @Override
        public String tradeId() {
            return idPrefix + "T" + nextTrade++;
        }

        @Override
        public void filled(EngineOrder order, Fill fill) {
            fills.computeIfAbsent(fill.clientOrderId(), k -> new ArrayList<>(1)).add(fill);
            tracker.fill(fill);
            tracker.order(order);
            report(order, fill);
        }

        @Override
        public void triggered(EngineOrder order) {
            tracker.order(order);
        }

        @Override
        public void ended(EngineOrder order) {
            tracker.order(order);
            report(order, null);
        }
    }
}
