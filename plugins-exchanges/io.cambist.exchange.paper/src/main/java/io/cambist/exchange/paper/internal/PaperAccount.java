package io.cambist.exchange.paper.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.exchange.paper.internal.store.PaperStore;
import io.cambist.exchange.paper.internal.store.StoredState;

/**
 * A live paper trading account: a {@link PaperVenue} replayed at a pace on the framework's scheduler, standing for an
 * external exchange. Its orders, fills, balances and replay position are journaled under its directory before any
 * answer or report leaves it, so after a crash it continues where it was and answers reconciliation by client order id.
 * Thread-safe: requests and replay ticks are serialised on one lock; reports and market events are delivered in order,
 * outside that lock.
 */
public final class PaperAccount implements ExchangeConnector {

    static final long COMPACT_BYTES = 1L << 20;
    static final int MAX_STEPS_PER_TICK = 1000;
    static final long MIN_TICK_MILLIS = 10;
    static final long MAX_TICK_MILLIS = 1000;

    private final Logger logger = LoggerFactory.getLogger(PaperAccount.class);
    private final PaperSettings settings;
    private final Path dir;
    private final LongSupplier wallClock;
    private final Object lock = new Object();
    private final Outbox outbox;
    private final ChangeSet changes = new ChangeSet();

    private VenueListener listener;
    private volatile ConnectionStatus status;
    private PaperStore store;
    private PaperVenue venue;
    private PaperState state;
    private boolean connected;
    private boolean finished;
    private ScheduledFuture<?> starting;
    private ScheduledFuture<?> pacing;
    private double millisPerCandle;
    private long paceStart;
    private long paceBase;

    /**
     * @param settings  the account's configuration
     * @param dir       its state directory, {@code <cambist.data>/paper/<account>}
     * @param wallClock the time a new account is created at (id prefix, synthetic start)
     */
    public PaperAccount(PaperSettings settings, Path dir, LongSupplier wallClock) {
        this.settings = settings;
        this.dir = dir;
        this.wallClock = wallClock;
        this.outbox = new Outbox(settings.account());
        this.status = ConnectionStatus.of(ConnectionState.OFFLINE, "not connected", wallClock.getAsLong());
    }

    @Override
    public String account() {
        return settings.account();
    }

    @Override
    public String venue() {
        return PaperConstants.VENUE;
    }

    @Override
    public Set<Capability> capabilities() {
        return PaperVenue.CAPABILITIES;
    }

    @Override
    public ConnectionStatus status() {
        return status;
    }

    @Override
    public void connect(VenueListener venueListener) {
        synchronized (lock) {
            listener = venueListener;
            outbox.listener(venueListener);
            connected = true;
            status(ConnectionState.CONNECTING, "loading state and market");
            starting = venueListener.scheduler().schedule(this::start, 0, TimeUnit.MILLISECONDS);
        }
        flush();
    }

    /** Loads the account (if no request did it first) and starts the paced replay. */
    private void start() {
        try {
            synchronized (lock) {
                if (!connected) {
                    return;
                }
                loaded();
                millisPerCandle = settings.speed().millisPerCandle(state.timeframe());
                repace();
                long period = Math.max(MIN_TICK_MILLIS, Math.min(MAX_TICK_MILLIS, (long) millisPerCandle));
                if (finished) {
                    status(ConnectionState.DEGRADED, finishedReason());
                } else {
                    status(ConnectionState.ONLINE, null);
                    pacing = listener.scheduler().scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
                }
                logger.info("Paper account '{}' online: {} at {}, candle {} of {}", settings.account(),
                        settings.instrument(), settings.speed(), venue.published(), venue.size() < 0 ? "an endless market"
                                : String.valueOf(venue.size()));
            }
        } catch (ExchangeUnavailableException e) {
            logger.warn("Paper account '{}' cannot start: {}", settings.account(), e.getMessage());
            synchronized (lock) {
                status(ConnectionState.OFFLINE, e.getMessage());
            }
        }
        flush();
    }

    private void repace() {
        paceStart = listener.now();
        paceBase = venue.published();
    }

    /** One replay tick: publishes the candles that are due by now, journals the change, delivers the events. */
    void tick() {
        try {
            synchronized (lock) {
                if (!connected || venue == null || finished) {
                    return;
                }
                long due = (long) ((listener.now() - paceStart) / millisPerCandle) - (venue.published() - paceBase);
                if (due > MAX_STEPS_PER_TICK) {
                    logger.info("Paper account '{}' fell {} candles behind its pace (was the machine asleep?); "
                            + "replay continues from here without a burst", settings.account(), due);
                    due = 1;
                    paceStart = listener.now();
                    paceBase = venue.published() + 1;
                }
                long stepped = 0;
                while (stepped < due) {
                    if (!venue.step()) {
                        finished = true;
                        break;
                    }
                    stepped++;
                }
                if (stepped > 0) {
                    persist(true);
                }
                if (finished) {
                    status(ConnectionState.DEGRADED, finishedReason());
                    logger.info("Paper account '{}': {}", settings.account(), finishedReason());
                    if (pacing != null) {
                        pacing.cancel(false);
                    }
                }
            }
        } catch (ExchangeUnavailableException e) {
            logger.warn("Paper account '{}' stopped its replay: {}", settings.account(), e.getMessage());
        } catch (RuntimeException e) {
            logger.warn("Paper account '{}' replay tick failed", settings.account(), e);
        }
        flush();
    }

    private String finishedReason() {
        return "candle file replay finished after " + venue.published() + " candles: no more market data";
    }

    @Override
    public void disconnect() {
        synchronized (lock) {
            if (!connected) {
                return;
            }
            connected = false;
            cancelTasks();
            status(ConnectionState.OFFLINE, "disconnected");
        }
        flush();
    }

    private void cancelTasks() {
        if (starting != null) {
            starting.cancel(false);
            starting = null;
        }
        if (pacing != null) {
            pacing.cancel(false);
            pacing = null;
        }
    }

    /** Disconnects and releases the state directory (component deactivation). */
    public void close() {
        disconnect();
        synchronized (lock) {
            closeStore();
            venue = null;
        }
        flush();
    }

    @Override
    public List<InstrumentSpec> instruments() {
        synchronized (lock) {
            return loaded().instruments();
        }
    }

    @Override
    public List<Balance> balances() {
        synchronized (lock) {
            return loaded().balances();
        }
    }

    @Override
    public VenueOrder place(OrderRequest request) {
        VenueOrder order;
        synchronized (lock) {
            order = loaded().place(request);
            persist(false);
        }
        flush();
        return order;
    }

    @Override
    public VenueOrder cancel(Instrument instrument, ClientOrderId clientOrderId) {
        VenueOrder order;
        synchronized (lock) {
            order = loaded().cancel(instrument, clientOrderId);
            persist(false);
        }
        flush();
        return order;
    }

    @Override
    public Optional<VenueOrder> query(Instrument instrument, ClientOrderId clientOrderId) {
        synchronized (lock) {
            return loaded().query(instrument, clientOrderId);
        }
    }

    @Override
    public List<VenueOrder> openOrders() {
        synchronized (lock) {
            return loaded().openOrders();
        }
    }

    @Override
    public List<Fill> fills(Instrument instrument, ClientOrderId clientOrderId) {
        synchronized (lock) {
            return loaded().fills(instrument, clientOrderId);
        }
    }

    @Override
    public void subscribe(Subscription subscription) {
        synchronized (lock) {
            loaded().subscribe(subscription);
        }
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        synchronized (lock) {
            loaded().unsubscribe(subscription);
        }
    }

    /** Candles published so far (for status pages and tests). */
    public long published() {
        synchronized (lock) {
            return loaded().published();
        }
    }

    /** The venue, loading the account's state and market on first use. Callers hold the lock. */
    private PaperVenue loaded() {
        if (venue != null) {
            return venue;
        }
        try {
            if (store == null) {
                store = new PaperStore(dir, COMPACT_BYTES);
            }
            StoredState stored = store.load();
            state = PaperState.open(settings, stored, wallClock.getAsLong(), changes, outbox::add);
            venue = state.venue();
            finished = venue.size() >= 0 && venue.published() >= venue.size();
            changes.clear();
            store.snapshot(state.records());
            return venue;
        } catch (IOException e) {
            closeStore();
            throw new ExchangeUnavailableException("paper account '" + settings.account() + "' cannot use its state in "
                    + dir + ": " + e.getMessage(), e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            closeStore();
            throw new ExchangeUnavailableException("paper account '" + settings.account() + "': " + e.getMessage(),
                    (String) null);
        }
    }

    /** Journals what changed since the last call: fsynced when orders or balances changed. Callers hold the lock. */
    private void persist(boolean marketMoved) {
        boolean trading = changes.any();
        if (!trading && !marketMoved) {
            return;
        }
        List<String> records = new ArrayList<>();
        if (trading) {
            records.addAll(state.changeRecords(changes.orders, changes.fills, changes.balances));
        }
        if (marketMoved) {
            records.add(state.marketRecord());
        }
        changes.clear();
        try {
            store.append(records, trading);
            if (store.needsCompaction()) {
                store.snapshot(state.records());
            }
        } catch (IOException e) {
            logger.warn("Paper account '{}' cannot write its state in {}: {}; it reloads from disk on the next request",
                    settings.account(), dir, e.getMessage());
            outbox.discard();
            venue = null;
            closeStore();
            status(ConnectionState.OFFLINE, "cannot write state: " + e.getMessage());
            throw new ExchangeUnavailableException("paper account '" + settings.account() + "' cannot write its state: "
                    + e.getMessage(), e);
        }
    }

    private void closeStore() {
        if (store != null) {
            try {
                store.close();
            } catch (IOException e) {
                logger.warn("Paper account '{}' could not close its state files: {}", settings.account(), e.getMessage());
            }
            store = null;
        }
    }

    private void status(ConnectionState s, String reason) {
        VenueListener l = listener;
        status = ConnectionStatus.of(s, reason, l != null ? l.now() : wallClock.getAsLong());
        outbox.add(status);
    }

    /** Delivers queued reports, market events and status changes in order, outside the state lock. */
    private void flush() {
        outbox.flush();
    }
}
