package io.cambist.core.internal.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;

/**
 * A minimal in-memory venue for the core's tests: each step first matches resting orders against the new candle
 * (market orders at its open; a buy limit when the low reaches it, at the limit or at the open if the candle opened
 * below; sells symmetric), then publishes the candle (and optionally a ticker with last = close). Fees are a rate on the
 * notional, in the quote currency; a market buy by quote amount Q buys Q / (price × (1 + fee)). Thread-safe.
 */
public final class TestVenue implements SimulatedVenue {

    private static final MathContext DOWN = new MathContext(16, RoundingMode.DOWN);

    private final String account;
    private final Instrument instrument;
    private final List<Candle> candles;
    private final BigDecimal makerFee;
    private final BigDecimal takerFee;
    private final Map<String, BigDecimal> totals = new TreeMap<>();
    private final LinkedHashMap<ClientOrderId, VOrder> orders = new LinkedHashMap<>();
    private final LinkedHashMap<ClientOrderId, VOrder> open = new LinkedHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile VenueListener listener;
    private Set<Capability> capabilities = EnumSet.allOf(Capability.class);
    private InstrumentSpec spec;
    private boolean tickers;
    private boolean pushExecutions = true;
    private int index;
    private long time;
    private long trades;
    private int placeCalls;
    private RuntimeException nextPlaceError;
    private boolean acceptThenFail;

    private static final class VOrder {
        final OrderRequest request;
        OrderStatus status = OrderStatus.NEW;
        BigDecimal quantity;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal average;
        final List<Fill> fills = new ArrayList<>();
        final String venueId;

        VOrder(OrderRequest request, String venueId) {
            this.request = request;
            this.quantity = request.quantity();
            this.venueId = venueId;
        }
    }

    public TestVenue(String account, Instrument instrument, List<Candle> candles, Map<String, BigDecimal> balances,
            BigDecimal makerFee, BigDecimal takerFee) {
        this.account = account;
        this.instrument = instrument;
        this.candles = candles;
        this.makerFee = makerFee;
        this.takerFee = takerFee;
        this.totals.putAll(balances);
        this.spec = InstrumentSpec.unrestricted(instrument);
        this.time = candles.isEmpty() ? 0 : candles.get(0).openTime();
    }

    public synchronized TestVenue withTickers(boolean on) {
        this.tickers = on;
        return this;
    }

    public synchronized TestVenue withSpec(InstrumentSpec s) {
        this.spec = s;
        return this;
    }

    public synchronized TestVenue withCapabilities(Set<Capability> caps) {
        this.capabilities = caps;
        return this;
    }

    /** Whether executions are pushed to the listener (off: a venue whose stream is down). */
    public synchronized TestVenue pushExecutions(boolean on) {
        this.pushExecutions = on;
        return this;
    }

    /** The next place() throws this without accepting the order. */
    public synchronized void failNextPlace(RuntimeException e) {
        this.nextPlaceError = e;
        this.acceptThenFail = false;
    }

    /** The next place() accepts the order, then throws (a lost answer). */
    public synchronized void acceptThenFailNextPlace(RuntimeException e) {
        this.nextPlaceError = e;
        this.acceptThenFail = true;
    }

    /** Reports a connection state change to the bound listener (a reconnect). */
    public void emitStatus(ConnectionStatus status) {
        VenueListener l = listener;
        if (l != null) {
            l.onStatus(status);
        }
    }

    public synchronized int placeCalls() {
        return placeCalls;
    }

    public List<Subscription> subscriptions() {
        return subscriptions;
    }

    @Override
    public boolean step() {
        Candle c;
        List<ExecutionReport> reports = new ArrayList<>();
        synchronized (this) {
            if (index >= candles.size()) {
                return false;
            }
            c = candles.get(index++).withSource(account);
            match(c, reports);
            time = c.time();
        }
        VenueListener l = listener;
        if (l != null) {
            if (pushExecutions) {
                reports.forEach(l::onExecution);
            }
            l.onMarketEvent(c);
            if (tickers) {
                l.onMarketEvent(new Ticker(account, instrument, c.close(), null, c.close(), null, c.close(), c.time()));
            }
        }
        return true;
    }

    private void match(Candle c, List<ExecutionReport> reports) {
        if (open.isEmpty()) {
            return;
        }
        for (var it = open.entrySet().iterator(); it.hasNext();) {
            Map.Entry<ClientOrderId, VOrder> e = it.next();
            VOrder o = e.getValue();
            if (o.status.isTerminal()) {
                it.remove();
                continue;
            }
            OrderRequest r = o.request;
            BigDecimal price = null;
            Liquidity liquidity = Liquidity.TAKER;
            if (r.type() == OrderType.MARKET) {
                price = c.open();
            } else if (r.type() == OrderType.LIMIT) {
                BigDecimal limit = r.limitPrice();
                if (r.side() == Side.BUY && c.low().compareTo(limit) <= 0) {
                    price = c.open().compareTo(limit) < 0 ? c.open() : limit;
                    liquidity = c.open().compareTo(limit) <= 0 ? Liquidity.TAKER : Liquidity.MAKER;
                } else if (r.side() == Side.SELL && c.high().compareTo(limit) >= 0) {
                    price = c.open().compareTo(limit) > 0 ? c.open() : limit;
                    liquidity = c.open().compareTo(limit) >= 0 ? Liquidity.TAKER : Liquidity.MAKER;
                }
            }
            if (price == null) {
                continue;
            }
            BigDecimal rate = liquidity == Liquidity.MAKER ? makerFee : takerFee;
            BigDecimal qty = o.quantity;
            if (qty == null) {
                BigDecimal q = r.quoteQuantity();
                qty = r.side() == Side.BUY ? q.divide(price.multiply(BigDecimal.ONE.add(rate)), DOWN)
                        : q.divide(price.multiply(BigDecimal.ONE.subtract(rate)), DOWN);
                o.quantity = qty;
            }
            BigDecimal notional = qty.multiply(price);
            BigDecimal fee = notional.multiply(rate);
            if (r.side() == Side.BUY) {
                add(instrument.base(), qty);
                add(instrument.quote(), notional.add(fee).negate());
            } else {
                add(instrument.base(), qty.negate());
                add(instrument.quote(), notional.subtract(fee));
            }
            Fill f = new Fill(account + "-t" + (++trades), e.getKey(), new VenueOrderId(o.venueId), instrument, r.side(),
                    price, qty, fee, instrument.quote(), liquidity, c.openTime());
            o.fills.add(f);
            o.filled = qty;
            o.average = price;
            o.status = OrderStatus.FILLED;
            it.remove();
            reports.add(new ExecutionReport(account, view(e.getKey(), o), f));
        }
    }

    private void add(String currency, BigDecimal delta) {
        totals.merge(currency, delta, BigDecimal::add);
    }

    private VenueOrder view(ClientOrderId id, VOrder o) {
        OrderRequest r = o.request;
        return new VenueOrder(id, new VenueOrderId(o.venueId), r.instrument(), r.side(), r.type(), o.status, o.quantity,
                o.filled, o.average, r.limitPrice(), null, time);
    }

    @Override
    public VenueOrder place(OrderRequest request) {
        VenueOrder v;
        synchronized (this) {
            placeCalls++;
            if (nextPlaceError != null && !acceptThenFail) {
                RuntimeException e = nextPlaceError;
                nextPlaceError = null;
                throw e;
            }
            VOrder existing = orders.get(request.clientOrderId());
            if (existing != null) {
                return view(request.clientOrderId(), existing);
            }
            String problem = affordable(request);
            if (problem != null) {
                throw new OrderRejectedException(problem, "-2010");
            }
            VOrder o = new VOrder(request, "v" + (orders.size() + 1));
            orders.put(request.clientOrderId(), o);
            open.put(request.clientOrderId(), o);
            v = view(request.clientOrderId(), o);
            if (nextPlaceError != null) {
                RuntimeException e = nextPlaceError;
                nextPlaceError = null;
                throw e;
            }
        }
        VenueListener l = listener;
        if (l != null && pushExecutions) {
            l.onExecution(new ExecutionReport(account, v, null));
        }
        return v;
    }

    private String affordable(OrderRequest r) {
        if (r.side() == Side.BUY) {
            BigDecimal need = r.quoteQuantity() != null ? r.quoteQuantity()
                    : r.limitPrice() != null ? r.quantity().multiply(r.limitPrice()) : BigDecimal.ZERO;
            BigDecimal have = free(instrument.quote());
            return need.compareTo(have) > 0 ? "insufficient balance: need " + need.toPlainString() + " "
                    + instrument.quote() + ", have " + have.toPlainString() : null;
        }
        BigDecimal need = r.quantity() != null ? r.quantity() : BigDecimal.ZERO;
        BigDecimal have = free(instrument.base());
        return need.compareTo(have) > 0 ? "insufficient balance: need " + need.toPlainString() + " "
                + instrument.base() + ", have " + have.toPlainString() : null;
    }

    private BigDecimal free(String currency) {
        return totals.getOrDefault(currency, BigDecimal.ZERO).subtract(locked(currency));
    }

    private BigDecimal locked(String currency) {
        BigDecimal sum = BigDecimal.ZERO;
        for (VOrder o : open.values()) {
            if (o.status.isTerminal()) {
                continue;
            }
            OrderRequest r = o.request;
            if (r.side() == Side.BUY && currency.equals(instrument.quote())) {
                sum = sum.add(r.quoteQuantity() != null ? r.quoteQuantity()
                        : r.limitPrice() != null ? r.quantity().multiply(r.limitPrice()) : BigDecimal.ZERO);
            } else if (r.side() == Side.SELL && currency.equals(instrument.base()) && r.quantity() != null) {
                sum = sum.add(r.quantity());
            }
        }
        return sum;
    }

    @Override
    public VenueOrder cancel(Instrument i, ClientOrderId id) {
        VenueOrder v;
        synchronized (this) {
            VOrder o = orders.get(id);
            if (o == null) {
                throw new OrderNotFoundException("unknown order " + id, "-2011");
            }
            if (o.status.isOpen()) {
                o.status = OrderStatus.CANCELED;
            }
            v = view(id, o);
        }
        VenueListener l = listener;
        if (l != null && pushExecutions) {
            l.onExecution(new ExecutionReport(account, v, null));
        }
        return v;
    }

    @Override
    public synchronized Optional<VenueOrder> query(Instrument i, ClientOrderId id) {
        VOrder o = orders.get(id);
        return o == null ? Optional.empty() : Optional.of(view(id, o));
    }

    @Override
    public synchronized List<VenueOrder> openOrders() {
        List<VenueOrder> list = new ArrayList<>();
        orders.forEach((id, o) -> {
            if (o.status.isOpen()) {
                list.add(view(id, o));
            }
        });
        return list;
    }

    @Override
    public synchronized List<Fill> fills(Instrument i, ClientOrderId id) {
        VOrder o = orders.get(id);
        return o == null ? List.of() : List.copyOf(o.fills);
    }

    @Override
    public synchronized List<Balance> balances() {
        List<Balance> list = new ArrayList<>();
        totals.forEach((c, v) -> list.add(new Balance(c, v.subtract(locked(c)), locked(c))));
        return list;
    }

    /** The venue's own total of a currency. */
    public synchronized BigDecimal total(String currency) {
        return totals.getOrDefault(currency, BigDecimal.ZERO);
    }

    /** The venue's view of an order's status. */
    public synchronized OrderStatus status(ClientOrderId id) {
        VOrder o = orders.get(id);
        return o == null ? null : o.status;
    }

    public synchronized int orderCount() {
        return orders.size();
    }

    @Override
    public void connect(VenueListener l) {
        this.listener = l;
        l.onStatus(ConnectionStatus.online(time));
    }

    @Override
    public void disconnect() {
        this.listener = null;
    }

    @Override
    public synchronized long time() {
        return time;
    }

    @Override
    public synchronized long published() {
        return index;
    }

    @Override
    public long size() {
        return candles.size();
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String venue() {
        return "test";
    }

    @Override
    public synchronized Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public ConnectionStatus status() {
        return ConnectionStatus.online(0);
    }

    @Override
    public synchronized List<InstrumentSpec> instruments() {
        return List.of(spec);
    }

    @Override
    public void subscribe(Subscription s) {
        if (!subscriptions.contains(s)) {
            subscriptions.add(s);
        }
    }

    @Override
    public void unsubscribe(Subscription s) {
        subscriptions.remove(s);
    }
}
