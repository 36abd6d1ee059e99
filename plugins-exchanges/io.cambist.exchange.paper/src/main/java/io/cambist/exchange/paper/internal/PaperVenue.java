package io.cambist.exchange.paper.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.MarketEvent;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Ticker;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.exchange.paper.internal.engine.MatchingEngine;
import io.cambist.exchange.paper.internal.market.CandleFeed;

/**
 * A simulated venue account stepped by its caller: each {@link #step()} matches resting orders against the next candle
 * (execution reports first), then publishes the candle (and a ticker at its close when tickers are subscribed). In
 * memory, single-threaded, deterministic. The persistent {@link PaperAccount} wraps one for live paper trading.
 */
public final class PaperVenue implements SimulatedVenue {

    /** What the paper venue supports: everything but public trades and order books, which candles cannot give. */
    static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.MARKET_ORDER,
            Capability.MARKET_ORDER_BY_QUOTE, Capability.LIMIT_ORDER, Capability.STOP_ORDER, Capability.IOC_FOK,
            Capability.POST_ONLY, Capability.CANCEL_ORDER, Capability.QUERY_ORDER, Capability.OPEN_ORDERS,
            Capability.ORDER_FILLS, Capability.BALANCES, Capability.TICKER_STREAM, Capability.CANDLE_STREAM,
            Capability.EXECUTION_STREAM));

    private final String account;
    private final MatchingEngine engine;
    private final Instrument instrument;
    private CandleFeed feed;
    private Consumer<MarketEvent> market;
    private VenueListener listener;
    private ConnectionStatus status = ConnectionStatus.of(ConnectionState.OFFLINE, "not connected", 0);
    private boolean tickers;
    private long published;
    private long startTime;
    private Candle latest;

    /**
     * @param account the account id it reports
     * @param engine  its matching engine (with balances already set)
     * @param feed    its market, or {@code null} to attach one later with {@link #attach}
     */
    public PaperVenue(String account, MatchingEngine engine, CandleFeed feed) {
        this.account = account;
        this.engine = engine;
        this.instrument = engine.spec().instrument();
        if (feed != null) {
            attach(feed, 0, null);
        }
    }

    /**
     * Attaches the market, after {@code alreadyPublished} candles were replayed in an earlier run.
     *
     * @param latest the last candle published before, or {@code null}
     */
    public void attach(CandleFeed market, long alreadyPublished, Candle latest) {
        this.feed = market;
        this.startTime = market.startTime();
        this.published = market.skip(alreadyPublished);
        this.latest = latest;
    }

    public MatchingEngine engine() {
        return engine;
    }

    /** The last published candle, or {@code null}. */
    public Candle latest() {
        return latest;
    }

    @Override
    public boolean step() {
        if (market == null) {
            throw new IllegalStateException("connect paper account '" + account + "' before stepping it");
        }
        if (feed == null) {
            return false;
        }
        Candle c = feed.next();
        if (c == null) {
            return false;
        }
        engine.onCandle(c);
        latest = c;
        published++;
        market.accept(c);
        if (tickers) {
            market.accept(new Ticker(account, instrument, c.close(), null, c.close(), null, c.close(), c.time()));
        }
        return true;
    }

    @Override
    public long time() {
        return latest != null ? latest.time() : startTime;
    }

    @Override
    public long published() {
        return published;
    }

    @Override
    public long size() {
        return feed == null ? -1 : feed.size();
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String venue() {
        return PaperConstants.VENUE;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ConnectionStatus status() {
        return status;
    }

    @Override
    public void connect(VenueListener venueListener) {
        this.listener = venueListener;
        attach(venueListener::onMarketEvent, venueListener::onExecution);
        status = ConnectionStatus.online(time());
        venueListener.onStatus(status);
    }

    /** Sends market events and execution reports to the given consumers (the persistent account's outbox). */
    void attach(Consumer<MarketEvent> marketEvents, Consumer<ExecutionReport> reports) {
        this.market = marketEvents;
        engine.sink(reports);
    }

    @Override
    public void disconnect() {
        if (listener != null) {
            status = ConnectionStatus.of(ConnectionState.OFFLINE, "disconnected", time());
            listener.onStatus(status);
        }
    }

    @Override
    public List<InstrumentSpec> instruments() {
        return List.of(engine.spec());
    }

    @Override
    public List<Balance> balances() {
        return engine.balances().list();
    }

    @Override
    public VenueOrder place(OrderRequest request) {
        return engine.place(request, time());
    }

    @Override
    public VenueOrder cancel(Instrument ins, ClientOrderId clientOrderId) {
        return engine.cancel(clientOrderId, time());
    }

    @Override
    public Optional<VenueOrder> query(Instrument ins, ClientOrderId clientOrderId) {
        return engine.query(clientOrderId);
    }

    @Override
    public List<VenueOrder> openOrders() {
        return engine.openOrders();
    }

    @Override
    public List<Fill> fills(Instrument ins, ClientOrderId clientOrderId) {
        return engine.fills(clientOrderId);
    }

    @Override
    public void subscribe(Subscription s) {
        if (!s.instrument().equals(instrument)) {
            throw new ExchangeException("paper account '" + account + "' trades " + instrument + " only, not " + s.instrument());
        }
        switch (s.kind()) {
            case TICKER:
                tickers = true;
                return;
            case CANDLE:
                if (s.timeframe() != null && feed != null && s.timeframe() != feed.timeframe()) {
                    throw new ExchangeException("paper account '" + account + "' replays " + feed.timeframe()
                            + " candles; it cannot provide " + s.timeframe() + " candles (subscribe without a timeframe)");
                }
                return;
            default:
                throw new ExchangeException("paper account '" + account + "' has no " + kindName(s.kind())
                        + " stream: it replays candles (and tickers at each close)");
        }
    }

    private static String kindName(MarketDataKind kind) {
        return kind == MarketDataKind.TRADE ? "public trade" : "order book";
    }

    @Override
    public void unsubscribe(Subscription s) {
        if (s.kind() == MarketDataKind.TICKER) {
            tickers = false;
        }
    }
}
