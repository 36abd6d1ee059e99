package io.cambist.core.internal.strategy;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.MarketEvent;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.Trade;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.api.strategy.StrategyState;
import io.cambist.api.strategy.StrategyStatus;
import io.cambist.core.internal.bus.MarketSubscriber;
import io.cambist.core.internal.dispatch.EventSink;
import io.cambist.core.internal.dispatch.InstanceQueue;
import io.cambist.core.internal.journal.JournalRecord.ExitSaved;
import io.cambist.core.internal.order.OrderOwners;
import io.cambist.core.internal.portfolio.PositionState;

/**
 * One bot: its queue, its current strategy object (if any) and its lifecycle. Events are handled on the instance's
 * thread (one at a time, in order); lifecycle changes come from other threads and take the instance's monitor, and
 * before they touch the strategy object they pause the queue and wait for the in-flight event. The state is derived
 * by {@link #reevaluate()} from what the instance waits for: its strategy type, its account, the operator, or a
 * sticky end state (HALTED, FAILED, STOPPED) that only a resume or a configuration change clears.
 * <p>
 * Longer than most classes on purpose: every lifecycle transition shares the instance's monitor and the
 * pause-wait-swap protocol with event handling, and they are only checkable read together. Its streams are in
 * {@link InstanceStreams}, its position cache in {@link InstancePosition}, its exits in {@link ExitTracker}.
 */
public final class StrategyInstance implements EventSink, OrderOwners.Owner, MarketSubscriber {

    enum Control {
        START, SNAPSHOT
    }

    private static final long SWAP_WAIT_MILLIS = 10_000;

    private final Logger logger = LoggerFactory.getLogger(StrategyInstance.class);
    private final String id;
    private final StrategyRunnerImpl runner;
    private final InstanceQueue queue;
    private final InstanceContext context;
    private final ExitTracker exits;
    private final InstanceStreams streams;
    private final InstancePosition position;
    private volatile InstanceSettings settings;
    private volatile Strategy strategy;
    private volatile StrategyState sticky;
    private volatile StrategyState state = StrategyState.CREATED;
    private volatile String reason;
    private volatile long since;
    private volatile StrategySnapshot saved;
    private volatile boolean refusedParameters;
    private StrategyType type;
    private StrategyType createdBy;
    private boolean accountReady;
    private boolean operatorPaused;
    private boolean startQueued;
    private boolean everStarted;
    private String stickyReason;
    private long processed;

    StrategyInstance(String id, InstanceSettings settings, StrategyRunnerImpl runner, int capacity) {
        this.id = id;
        this.settings = settings;
        this.runner = runner;
        this.queue = runner.dispatcher().newQueue("strategy " + id, capacity, this);
        this.queue.pause();
        this.context = new InstanceContext(this, runner);
        this.exits = new ExitTracker(this);
        this.streams = new InstanceStreams(this, runner);
        this.position = new InstancePosition(id, runner.portfolio(), settings);
        this.exits.fromParameters(settings.exits());
        this.since = runner.clock().now();
        if (settings.problem() != null) {
            sticky = StrategyState.FAILED;
            stickyReason = settings.problem();
        } else if (!settings.enabled()) {
            sticky = StrategyState.STOPPED;
            stickyReason = "disabled by its configuration (enabled=false)";
        }
    }

    public String id() {
        return id;
    }

    public InstanceSettings settings() {
        return settings;
    }

    String typeName() {
        return runner.typeNameOf(settings.factoryPid());
    }

    /** The last snapshot saved for the next incarnation, or {@code null}. */
    public StrategySnapshot savedState() {
        return saved;
    }

    /** True when the last start failed because the strategy refused its parameters. */
    public boolean refusedParameters() {
        return refusedParameters;
    }

    /** Whether the trailing stop is armed. */
    public boolean exitArmed() {
        return exits.armed();
    }

    /** The highest price since the trailing stop armed, or {@code null}. */
    public BigDecimal exitHighest() {
        return exits.highest();
    }

    ExitTracker exitTracker() {
        return exits;
    }

    // ---------------------------------------------------------------- events (instance thread)

    @Override
    public void handle(Object event) {
        if (event instanceof MarketEvent m) {
            processed++;
            onMarket(m);
        } else if (event instanceof OrderEvent e) {
            processed++;
            exits.onOrderEvent(e);
            Strategy s = strategy;
            if (s != null && state == StrategyState.RUNNING) {
                try {
                    s.onOrderEvent(e);
                } catch (RuntimeException | Error t) {
                    fail("onOrderEvent threw " + t, t);
                }
            }
        } else if (event instanceof Signal sig) {
            processed++;
            Strategy s = strategy;
            if (s != null && state == StrategyState.RUNNING) {
                try {
                    s.onSignal(sig);
                } catch (RuntimeException | Error t) {
                    fail("onSignal threw " + t, t);
                }
            }
        } else if (event == Control.START) {
            start();
        } else if (event == Control.SNAPSHOT) {
            Strategy s = strategy;
            if (s != null && state == StrategyState.RUNNING) {
                takeSnapshot(s);
            }
        }
    }

    private void onMarket(MarketEvent m) {
        InstanceSettings st = settings;
        if (exits.active()) {
            exits.onMarket(m, st.instrument());
        }
        Strategy s = strategy;
        if (s == null || state != StrategyState.RUNNING || !streams.wanted(m)) {
            return;
        }
        try {
            if (m instanceof Candle c) {
                s.onCandle(c);
            } else if (m instanceof Ticker t) {
                s.onTicker(t);
            } else if (m instanceof Trade t) {
                s.onTrade(t);
            } else {
                s.onOrderBook((OrderBook) m);
            }
        } catch (RuntimeException | Error t) {
            fail(callback(m) + " threw " + t, t);
        }
    }

    private static String callback(MarketEvent m) {
        return m instanceof Candle ? "onCandle" : m instanceof Ticker ? "onTicker" : m instanceof Trade ? "onTrade"
                : "onOrderBook";
    }

    private void start() {
        StrategyType t;
        synchronized (this) {
            startQueued = false;
            if (strategy != null || type == null || !accountReady || sticky != null || operatorPaused) {
                reevaluate();
                return;
            }
            t = type;
        }
        Strategy s;
        try {
            s = t.factory().create();
        } catch (RuntimeException | Error e) {
            fail("could not create a '" + t.type() + "' strategy: " + e, e);
            return;
        }
        if (s == null) {
            fail("strategy type '" + t.type() + "' gave no object (its bundle is stopping)", null);
            return;
        }
        synchronized (this) {
            strategy = s;
            createdBy = t;
            streams.resetStrategy();
        }
        if (exits.active()) {
            streams.exits(settings.account(), settings.instrument());
        }
        refusedParameters = false;
        try {
            s.onStart(context);
        } catch (IllegalArgumentException e) {
            refusedParameters = true;
            fail(e.getMessage(), null);
            return;
        } catch (RuntimeException | Error e) {
            fail("onStart threw " + e, e);
            return;
        }
        synchronized (this) {
            everStarted = true;
            reevaluate();
        }
        logger.info("strategy instance {} ({}) started on {} {}{}", id, t.type(), settings.account(),
                settings.instrument(), saved == null ? "" : " from its saved state");
    }

    /** The strategy threw (or could not start): FAILED with {@code why}, its orders cancelled. */
    private void fail(String why, Throwable t) {
        if (t != null) {
            logger.warn("strategy instance {} failed: {}", id, why, t);
        } else {
            logger.warn("strategy instance {} failed: {}", id, why);
        }
        synchronized (this) {
            sticky = StrategyState.FAILED;
            stickyReason = why;
            releaseObject(false);
            reevaluate();
        }
        runner.orders().cancelAllOf(id);
    }

    // ---------------------------------------------------------------- lifecycle (any thread)

    /** Recomputes the state from what the instance waits for, and starts or pauses delivery. */
    synchronized void reevaluate() {
        InstanceSettings st = settings;
        StrategyState next;
        String why = null;
        boolean deliver = false;
        if (sticky != null) {
            next = sticky;
            why = stickyReason;
        } else if (type == null) {
            next = everStarted ? StrategyState.PAUSED : StrategyState.CREATED;
            why = "waiting for strategy type " + describeType(st) + " (its bundle is not active)";
        } else if (!accountReady) {
            next = everStarted ? StrategyState.PAUSED : StrategyState.CREATED;
            why = "waiting for account '" + st.account() + "' (connector not bound or open orders being reconciled)";
        } else if (operatorPaused) {
            next = StrategyState.PAUSED;
            why = "paused by the operator";
        } else if (strategy == null) {
            next = everStarted ? StrategyState.PAUSED : StrategyState.CREATED;
            why = "starting";
            deliver = true;
            if (!startQueued) {
                startQueued = true;
                queue.offerFirst(Control.START);
            }
        } else {
            next = StrategyState.RUNNING;
            deliver = true;
        }
        if (next != state || !java.util.Objects.equals(why, reason)) {
            if (next != state) {
                since = runner.clock().now();
                logger.debug("strategy instance {}: {} -> {}{}", id, state, next, why == null ? "" : " (" + why + ")");
            }
            state = next;
            reason = why;
        }
        if (deliver) {
            queue.resume();
        } else {
            queue.pause();
        }
    }

    private String describeType(InstanceSettings st) {
        String name = runner.typeNameOf(st.factoryPid());
        return name == null ? "of " + st.factoryPid() : "'" + name + "'";
    }

    synchronized void typeAdded(StrategyType t) {
        if (type == null && t.factoryPid().equals(settings.factoryPid())) {
            type = t;
            reevaluate();
        }
    }

    /** The strategy type's service is going away: snapshot the old object (still alive) and release it. */
    void typeRemoved(StrategyType t) {
        synchronized (this) {
            if (type != t && createdBy != t) {
                return;
            }
            type = null;
            queue.pause();
        }
        if (!queue.awaitIdle(SWAP_WAIT_MILLIS)) {
            logger.warn("strategy instance {}: the event in progress did not finish within {} ms; swapping anyway", id,
                    SWAP_WAIT_MILLIS);
        }
        synchronized (this) {
            releaseObject(true);
            reevaluate();
        }
        logger.info("strategy instance {} paused for a strategy bundle change ({} events queued)", id, queue.size());
    }

    synchronized void accountReady(boolean ready) {
        if (accountReady != ready) {
            accountReady = ready;
            reevaluate();
        }
    }

    /** Operator pause: events queue up; the state snapshot is saved once the event in progress is done. */
    StrategyStatus pause() {
        synchronized (this) {
            operatorPaused = true;
            reevaluate();
        }
        if (queue.awaitIdle(SWAP_WAIT_MILLIS)) {
            synchronized (this) {
                Strategy s = strategy;
                if (s != null && state == StrategyState.PAUSED) {
                    takeSnapshot(s);
                }
            }
        }
        return status();
    }

    synchronized StrategyStatus resume() {
        operatorPaused = false;
        if (sticky != null && settings.problem() == null) {
            sticky = null;
            stickyReason = null;
        }
        reevaluate();
        return status();
    }

    @Override
    public void halt(String why) {
        synchronized (this) {
            if (sticky == StrategyState.HALTED) {
                return;
            }
            sticky = StrategyState.HALTED;
            stickyReason = why;
            reevaluate();
        }
        logger.warn("strategy instance {} halted: {}", id, why);
        runner.orders().cancelAllOf(id);
    }

    /**
     * Stops the instance: waits for the event in progress, calls {@code onStop}, saves its snapshot and releases the
     * object.
     *
     * @param cancelOrders false on shutdown (orders stay at the venue and are reconciled on restart)
     */
    void stop(String why, boolean cancelOrders) {
        synchronized (this) {
            queue.pause();
        }
        queue.awaitIdle(SWAP_WAIT_MILLIS);
        synchronized (this) {
            Strategy s = strategy;
            if (s != null) {
                try {
                    s.onStop();
                } catch (RuntimeException | Error e) {
                    logger.warn("strategy instance {}: onStop threw {}", id, e.toString());
                }
            }
            releaseObject(true);
            sticky = StrategyState.STOPPED;
            stickyReason = why;
            reevaluate();
        }
        if (cancelOrders) {
            runner.orders().cancelAllOf(id);
        }
    }

    /** Applies a changed configuration: same object for a pure enable/disable, else a new incarnation. */
    void configure(InstanceSettings next) {
        InstanceSettings old = settings;
        if (next.sameExceptEnabled(old)) {
            settings = next;
            if (!next.enabled() && old.enabled()) {
                stop("disabled by its configuration (enabled=false)", true);
            } else if (next.enabled()) {
                synchronized (this) {
                    if (sticky == StrategyState.STOPPED) {
                        sticky = null;
                        stickyReason = null;
                    }
                    reevaluate();
                }
            }
            return;
        }
        synchronized (this) {
            queue.pause();
        }
        queue.awaitIdle(SWAP_WAIT_MILLIS);
        synchronized (this) {
            releaseObject(true);
            streams.clear(settings.account());
            settings = next;
            position.rebind(next);
            exits.fromParameters(next.exits());
            exits.rebind();
            accountReady = runner.accountReady(next.account());
            if (type != null && !type.factoryPid().equals(next.factoryPid())) {
                type = null;
            }
            sticky = next.problem() != null ? StrategyState.FAILED : next.enabled() ? null : StrategyState.STOPPED;
            stickyReason = next.problem() != null ? next.problem()
                    : next.enabled() ? null : "disabled by its configuration (enabled=false)";
            reevaluate();
        }
        logger.info("strategy instance {} reconfigured", id);
    }

    private void releaseObject(boolean snapshot) {
        Strategy s = strategy;
        if (s == null) {
            return;
        }
        if (snapshot) {
            takeSnapshot(s);
        }
        strategy = null;
        StrategyType t = createdBy;
        createdBy = null;
        streams.resetStrategy();
        if (t != null) {
            try {
                t.factory().release(s);
            } catch (RuntimeException e) {
                logger.debug("releasing the strategy object of {}: {}", id, e.toString());
            }
        }
    }

    private void takeSnapshot(Strategy s) {
        StrategySnapshot snap;
        try {
            snap = s.snapshot();
        } catch (RuntimeException | Error e) {
            logger.warn("strategy instance {}: snapshot() threw {}; keeping the previous snapshot", id, e.toString());
            return;
        }
        if (snap != null && !snap.equals(saved)) {
            saved = snap;
            runner.persistSnapshot(id, snap);
        }
    }

    /** The snapshot restored from the journal at start-up. */
    void restoreSnapshot(StrategySnapshot snapshot) {
        saved = snapshot;
    }

    // ---------------------------------------------------------------- what the context needs

    void subscribe(Subscription s) {
        streams.subscribe(settings.account(), s);
    }

    /** Removes the instance's streams (its configuration was deleted). */
    void detach() {
        streams.clear(settings.account());
    }

    /** Cancels every open order of this instance (an exit frees the base its sells lock). */
    void cancelOwnOrders() {
        runner.orders().cancelAllOf(id);
    }

    Order submitInternal(OrderRequest request) {
        return runner.orders().submit(id, request);
    }

    PositionState positionState() {
        return position.state();
    }

    Position position() {
        return position.position();
    }

    InstrumentSpec spec(Instrument instrument) {
        return runner.spec(settings.account(), instrument);
    }

    void setExits(ExitRules rules) {
        exits.set(rules);
        if (exits.active()) {
            streams.exits(settings.account(), settings.instrument());
        }
    }

    ExitRules exitRules() {
        return exits.rules();
    }

    void saveExitState(ExitSaved record) {
        runner.persistExit(record);
    }

    /** Queues a periodic snapshot (taken on the instance thread between events). */
    void requestSnapshot() {
        if (strategy != null && state == StrategyState.RUNNING) {
            queue.offer(Control.SNAPSHOT);
        }
    }

    /** Queues an order event (never refused). */
    void deliver(OrderEvent event) {
        queue.offer(event);
    }

    @Override
    public boolean offerMarket(MarketEvent event) {
        return sticky == null && queue.offerMarket(event);
    }

    void deliverSignal(Signal signal) {
        StrategyState s = state;
        if (sticky != null || (s != StrategyState.RUNNING && s != StrategyState.PAUSED)) {
            throw new IllegalStateException("strategy instance " + id + " is " + s
                    + (reason == null ? "" : " (" + reason + ")") + " and cannot take signals now");
        }
        if (!queue.offerBounded(signal)) {
            throw new IllegalStateException("the event queue of strategy instance " + id + " is full ("
                    + queue.capacity() + " events); signal " + signal.id() + " refused, send it again later");
        }
    }

    // ---------------------------------------------------------------- Owner

    @Override
    public String account() {
        return settings.account();
    }

    @Override
    public String refusal(OrderRequest request) {
        StrategyState s = sticky;
        if (s != null) {
            return "strategy instance " + id + " is " + s + (stickyReason == null ? "" : ": " + stickyReason);
        }
        return exits.refusal(request);
    }

    StrategyState state() {
        return state;
    }

    String reason() {
        return reason;
    }

    /** The instance as the runner reports it. */
    StrategyStatus status() {
        InstanceSettings st = settings;
        return new StrategyStatus(id, typeName(), st.configurationPid(), st.account(), st.instrument(),
                runner.modeOf(st.account()), state, reason, st.parameters().values(),
                st.instrument() == null ? null : position(), runner.orders().openCount(id), queue.size(),
                queue.capacity(), queue.full(), queue.dropped(), processed, since);
    }
}
