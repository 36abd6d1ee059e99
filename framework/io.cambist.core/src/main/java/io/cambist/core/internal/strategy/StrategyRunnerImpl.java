package io.cambist.core.internal.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.strategy.Parameters;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.StrategyRunner;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.api.strategy.StrategyStatus;
import io.cambist.api.strategy.TradingMode;
import io.cambist.core.internal.account.AccountSlot;
import io.cambist.core.internal.account.Accounts;
import io.cambist.core.internal.bus.MarketDataBus;
import io.cambist.core.internal.dispatch.Dispatcher;
import io.cambist.core.internal.engine.EngineClock;
import io.cambist.core.internal.journal.JournalRecord;
import io.cambist.core.internal.journal.JournalRecord.ExitSaved;
import io.cambist.core.internal.order.OrderManager;
import io.cambist.core.internal.order.OrderOwners;
import io.cambist.core.internal.portfolio.PortfolioBook;

/**
 * The strategy runner: instances from configurations ({@link #configure}, one per configuration PID), strategy types
 * as their bundles come and go ({@link #typeAdded}, {@link #typeRemoved}: the hot swap), accounts becoming ready or
 * lost, the kill switch, and the owner side of the order manager (order events to instance queues, buffered for
 * instances whose configuration has not arrived yet). Snapshots and exit state go to the journal.
 */
public final class StrategyRunnerImpl implements StrategyRunner, OrderOwners {

    private static final int MAX_BUFFERED_EVENTS = 10_000;

    private final Logger logger = LoggerFactory.getLogger(StrategyRunnerImpl.class);
    private final OrderManager orders;
    private final PortfolioBook portfolio;
    private final MarketDataBus bus;
    private final Accounts accounts;
    private final Dispatcher dispatcher;
    private final EngineClock clock;
    private final TradingMode fixedMode;
    private final int queueCapacity;
    private final ConcurrentHashMap<String, StrategyInstance> instances = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> idByPid = new ConcurrentHashMap<>();
    private final StrategyTypes types = new StrategyTypes();
    // guarded by the book lock (journaled state)
    private final SavedStates saved;
    private final Map<String, List<OrderEvent>> buffered = new LinkedHashMap<>();
    private final java.util.Set<String> removed = ConcurrentHashMap.newKeySet();

    /**
     * @param fixedMode BACKTEST for a backtest engine, else {@code null} (PAPER or LIVE by the account's venue)
     */
    public StrategyRunnerImpl(OrderManager orders, PortfolioBook portfolio, MarketDataBus bus, Accounts accounts,
            Dispatcher dispatcher, EngineClock clock, TradingMode fixedMode, int queueCapacity) {
        this.orders = orders;
        this.portfolio = portfolio;
        this.bus = bus;
        this.accounts = accounts;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.fixedMode = fixedMode;
        this.queueCapacity = queueCapacity;
        this.saved = new SavedStates(orders);
    }

    OrderManager orders() {
        return orders;
    }

    PortfolioBook portfolio() {
        return portfolio;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    EngineClock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- configurations

    /**
     * Creates or updates the instance of a configuration (ManagedServiceFactory {@code updated}).
     *
     * @return the instance
     */
    public StrategyInstance configure(String pid, String factoryPid, Map<String, ?> properties) {
        String existingId = idByPid.get(pid);
        if (existingId != null) {
            StrategyInstance inst = instances.get(existingId);
            inst.configure(InstanceSettings.parse(existingId, pid, factoryPid, properties));
            return inst;
        }
        String id = InstanceSettings.idOf(pid);
        if (instances.containsKey(id)) {
            logger.warn("strategy instance id '{}' is taken; configuration {} gets its PID as id", id, pid);
            id = pid;
        }
        InstanceSettings settings = InstanceSettings.parse(id, pid, factoryPid, properties);
        StrategyInstance inst = new StrategyInstance(id, settings, this, queueCapacity);
        removed.remove(id);
        List<OrderEvent> pending;
        synchronized (orders.lock()) {
            saved.restoreInto(inst);
            instances.put(id, inst);
            idByPid.put(pid, id);
            pending = buffered.remove(id);
        }
        if (pending != null) {
            pending.forEach(inst::deliver);
        }
        StrategyType t = activeType(factoryPid);
        if (t != null) {
            inst.typeAdded(t);
        }
        inst.accountReady(accountReady(settings.account()));
        inst.reevaluate();
        logger.info("strategy instance {} configured ({} on {} {})", id, typeNameOf(factoryPid), settings.account(),
                settings.instrument());
        return inst;
    }

    /** Deletes the instance of a configuration: stops it, cancels its orders and forgets its saved state. */
    public void remove(String pid) {
        String id = idByPid.remove(pid);
        if (id == null) {
            return;
        }
        StrategyInstance inst = instances.get(id);
        if (inst == null) {
            return;
        }
        inst.stop("configuration deleted", true);
        inst.detach();
        removed.add(id);
        instances.remove(id);
        saved.forget(id);
        logger.info("strategy instance {} removed", id);
    }

    // ---------------------------------------------------------------- types

    /** A strategy type appeared (bundle started or updated). */
    public void typeAdded(StrategyType t) {
        if (types.add(t)) {
            for (StrategyInstance inst : instances.values()) {
                inst.typeAdded(t);
            }
        }
        logger.info("strategy type '{}' available ({})", t.type(), t.factoryPid());
    }

    /**
     * A strategy type is going away (its service is unregistering; the old objects still work): every instance of
     * it is paused, snapshotted and released; another registration of the same factory PID takes over if there is one.
     */
    public void typeRemoved(StrategyType t) {
        Optional<StrategyType> successor = types.remove(t);
        if (successor == null) {
            return;
        }
        StrategyType next = successor.orElse(null);
        for (StrategyInstance inst : instances.values()) {
            inst.typeRemoved(t);
            if (next != null) {
                inst.typeAdded(next);
            }
        }
        logger.info("strategy type '{}' ({}) went away", t.type(), t.factoryPid());
    }

    private StrategyType activeType(String factoryPid) {
        return types.active(factoryPid);
    }

    /** The type with this short name, if a bundle provides it. */
    public Optional<StrategyType> type(String name) {
        return types.named(name);
    }

    String typeNameOf(String factoryPid) {
        return types.nameOf(factoryPid);
    }

    // ---------------------------------------------------------------- accounts

    boolean accountReady(String account) {
        AccountSlot slot = accounts.find(account);
        return slot != null && slot.ready();
    }

    /** An account was reconciled: instances on it may run. */
    public void accountReady(String account, boolean ready) {
        for (StrategyInstance inst : instances.values()) {
            if (inst.settings().account().equals(account)) {
                inst.accountReady(ready);
            }
        }
    }

    TradingMode modeOf(String account) {
        if (fixedMode != null) {
            return fixedMode;
        }
        AccountSlot slot = accounts.find(account);
        ExchangeConnector c = slot == null ? null : slot.connector();
        return c instanceof SimulatedVenue || (slot != null && "paper".equals(slot.venue())) ? TradingMode.PAPER
                : TradingMode.LIVE;
    }

    InstrumentSpec spec(String account, Instrument instrument) {
        AccountSlot slot = accounts.find(account);
        return slot == null ? null : slot.specs().get(instrument);
    }

    void subscribe(String account, Subscription s, StrategyInstance inst) {
        if (!bus.subscribe(account, s, inst)) {
            return;
        }
        AccountSlot slot = accounts.slot(account);
        if (slot.addSubscriber(s)) {
            slot.lane().execute(() -> {
                ExchangeConnector c = slot.connector();
                if (c != null) {
                    try {
                        c.subscribe(s);
                    } catch (RuntimeException e) {
                        logger.warn("subscribing {} on '{}' failed: {}", s, account, e.getMessage());
                    }
                }
            });
        }
    }

    void unsubscribe(String account, Subscription s, StrategyInstance inst) {
        bus.unsubscribe(account, s, inst);
        AccountSlot slot = accounts.slot(account);
        if (slot.removeSubscriber(s)) {
            slot.lane().execute(() -> {
                ExchangeConnector c = slot.connector();
                if (c != null) {
                    try {
                        c.unsubscribe(s);
                    } catch (RuntimeException e) {
                        logger.debug("unsubscribing {} on '{}': {}", s, account, e.getMessage());
                    }
                }
            });
        }
    }

    // ---------------------------------------------------------------- OrderOwners

    @Override
    public Owner owner(String strategyId) {
        return instances.get(strategyId);
    }

    @Override
    public void publish(String strategyId, OrderEvent event) {
        StrategyInstance inst = instances.get(strategyId);
        if (inst != null) {
            inst.deliver(event);
            return;
        }
        if (removed.contains(strategyId)) {
            return; // its configuration was deleted: nobody will read it
        }
        List<OrderEvent> list = buffered.computeIfAbsent(strategyId, k -> new ArrayList<>());
        if (list.size() < MAX_BUFFERED_EVENTS) {
            list.add(event);
        }
    }

    /** An instance's parameters (risk overrides), or {@code null}. */
    public Parameters parametersOf(String id) {
        StrategyInstance inst = instances.get(id);
        return inst == null ? null : inst.settings().parameters();
    }

    /** An instance's configured instrument, or {@code null}. */
    public Instrument instrumentOf(String id) {
        StrategyInstance inst = instances.get(id);
        return inst == null ? null : inst.settings().instrument();
    }

    /** The instance with that id (engine and tests). */
    public Optional<StrategyInstance> find(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    // ---------------------------------------------------------------- journal

    void persistSnapshot(String id, StrategySnapshot snap) {
        saved.snapshot(id, snap);
    }

    void persistExit(ExitSaved record) {
        saved.exit(record);
    }

    /** Applies a journal record at start-up. */
    public void replay(JournalRecord record) {
        saved.replay(record);
    }

    /** The runner's part of a journal checkpoint (called under the book lock). */
    public List<JournalRecord> checkpointState() {
        return saved.records();
    }

    /** Queues a snapshot on every running instance. */
    public void periodicSnapshots() {
        instances.values().forEach(StrategyInstance::requestSnapshot);
    }

    /** Shutdown: every instance stops (onStop, snapshot saved), orders stay at the venue. */
    public void close() {
        for (StrategyInstance inst : instances.values()) {
            inst.stop("container shutting down", false);
        }
    }

    // ---------------------------------------------------------------- StrategyRunner

    @Override
    public List<StrategyStatus> instances() {
        List<String> ids = new ArrayList<>(instances.keySet());
        ids.sort(null);
        List<StrategyStatus> list = new ArrayList<>();
        for (String id : ids) {
            StrategyInstance inst = instances.get(id);
            if (inst != null) {
                list.add(inst.status());
            }
        }
        return list;
    }

    @Override
    public Optional<StrategyStatus> instance(String id) {
        StrategyInstance inst = instances.get(id);
        return inst == null ? Optional.empty() : Optional.of(inst.status());
    }

    @Override
    public Optional<StrategySnapshot> savedState(String id) {
        StrategyInstance inst = instances.get(id);
        return inst == null ? Optional.empty() : Optional.ofNullable(inst.savedState());
    }

    @Override
    public List<String> types() {
        return types.available();
    }

    private StrategyInstance require(String id) {
        StrategyInstance inst = id == null ? null : instances.get(id);
        if (inst == null) {
            throw new NoSuchElementException("no strategy instance '" + id + "'");
        }
        return inst;
    }

    @Override
    public StrategyStatus pause(String id) {
        return require(id).pause();
    }

    @Override
    public StrategyStatus resume(String id) {
        return require(id).resume();
    }

    @Override
    public StrategyStatus halt(String id, String reason) {
        StrategyInstance inst = require(id);
        inst.halt(reason == null || reason.isBlank() ? "halted by the operator" : reason);
        return inst.status();
    }

    @Override
    public List<StrategyStatus> haltAll(String reason) {
        String why = reason == null || reason.isBlank() ? "halted by the operator (all instances)" : reason;
        for (StrategyInstance inst : instances.values()) {
            inst.halt(why);
        }
        for (var o : orders.orders(io.cambist.api.order.OrderQuery.open())) {
            try {
                orders.cancel(o.clientOrderId());
            } catch (RuntimeException e) {
                logger.warn("kill switch: cancelling order {} failed: {}", o.clientOrderId(), e.getMessage());
            }
        }
        return instances();
    }

    @Override
    public void deliver(String id, Signal signal) {
        require(id).deliverSignal(signal);
    }
}
