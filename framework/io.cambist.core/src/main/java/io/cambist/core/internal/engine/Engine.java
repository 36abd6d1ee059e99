package io.cambist.core.internal.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.risk.RiskRule;
import io.cambist.api.strategy.TradingMode;
import io.cambist.core.internal.account.AccountSlot;
import io.cambist.core.internal.account.Accounts;
import io.cambist.core.internal.bus.MarketDataBus;
import io.cambist.core.internal.dispatch.Dispatcher;
import io.cambist.core.internal.journal.FileJournal;
import io.cambist.core.internal.journal.Journal;
import io.cambist.core.internal.journal.JournalRecord;
import io.cambist.core.internal.order.OrderManager;
import io.cambist.core.internal.order.VenueCalls;
import io.cambist.core.internal.portfolio.LastPrices;
import io.cambist.core.internal.portfolio.PortfolioBook;
import io.cambist.core.internal.risk.RiskEngine;
import io.cambist.core.internal.risk.RiskLimits;
import io.cambist.core.internal.strategy.StrategyRunnerImpl;

/**
 * The trading engine, plain Java: a clock, a dispatcher, a journal, the connectors bound to it and the risk rules.
 * Backtest, paper and live trading build the same engine; only the clock and the venue differ. The DS components are
 * thin adapters around it.
 */
public final class Engine implements AutoCloseable {

    /** Finished orders a backtest keeps in memory (strategies may still look up their recent ones). */
    static final int BACKTEST_RETAINED_ORDERS = 10_000;

    private final Logger logger = LoggerFactory.getLogger(Engine.class);
    private final EngineClock clock;
    private final Dispatcher dispatcher;
    private final ScheduledExecutorService scheduler;
    private final LastPrices prices = new LastPrices();
    private final PortfolioBook portfolio = new PortfolioBook(prices);
    private final MarketDataBus bus = new MarketDataBus(prices);
    private final Accounts accounts;
    private final RiskEngine risk;
    private final OrderManager orders;
    private final VenueCalls venueCalls;
    private final StrategyRunnerImpl runner;
    private final Journal journal;
    private final List<ScheduledFuture<?>> periodic = new ArrayList<>();

    private Engine(Builder b) {
        this.clock = b.clock;
        this.dispatcher = b.dispatcher;
        this.scheduler = b.scheduler;
        this.accounts = new Accounts(dispatcher, clock);
        StrategyRunnerImpl[] runnerRef = new StrategyRunnerImpl[1];
        this.risk = new RiskEngine(id -> runnerRef[0] == null ? null : runnerRef[0].parametersOf(id));
        this.risk.global(b.riskLimits);
        List<JournalRecord> replayed = new ArrayList<>();
        this.journal = b.journal.apply(replayed::add);
        this.orders = new OrderManager(clock, journal, portfolio, risk, accounts);
        if (b.fixedMode == TradingMode.BACKTEST) {
            orders.retainTerminal(BACKTEST_RETAINED_ORDERS);
        }
        this.venueCalls = new VenueCalls(orders, accounts, b.synchronousTimers ? null : scheduler, b.sendWaitMillis);
        this.runner = new StrategyRunnerImpl(orders, portfolio, bus, accounts, dispatcher, clock, b.fixedMode,
                b.queueCapacity);
        runnerRef[0] = runner;
        orders.owners(runner);
        orders.extraState(runner::checkpointState);
        portfolio.strategyInstruments(runner::instrumentOf);
        venueCalls.onReady(account -> runner.accountReady(account, true));
        for (JournalRecord r : replayed) {
            orders.replay(r);
            runner.replay(r);
        }
        orders.startIds();
        if (!replayed.isEmpty()) {
            logger.info("engine state restored from {} journal records ({} open orders)", replayed.size(),
                    orders.orders(io.cambist.api.order.OrderQuery.open()).size());
        }
        if (!b.synchronousTimers && scheduler != null) {
            schedule(runner::periodicSnapshots, b.snapshotIntervalMillis);
            schedule(this::refreshBalances, b.balanceRefreshMillis);
        }
    }

    private void schedule(Runnable task, long everyMillis) {
        if (everyMillis <= 0) {
            return;
        }
        periodic.add(scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                logger.warn("periodic engine task failed", e);
            }
        }, everyMillis, everyMillis, TimeUnit.MILLISECONDS));
    }

    private void refreshBalances() {
        for (AccountSlot slot : accounts.all()) {
            if (slot.ready()) {
                slot.lane().execute(() -> {
                    ExchangeConnector c = slot.connector();
                    if (c != null && slot.ready()) {
                        try {
                            portfolio.seed(slot.account(), c.balances());
                        } catch (RuntimeException e) {
                            logger.debug("balance refresh of '{}' failed: {}", slot.account(), e.getMessage());
                        }
                    }
                });
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public EngineClock clock() {
        return clock;
    }

    public OrderManager orders() {
        return orders;
    }

    public PortfolioBook portfolio() {
        return portfolio;
    }

    public StrategyRunnerImpl runner() {
        return runner;
    }

    public Accounts accounts() {
        return accounts;
    }

    public RiskEngine risk() {
        return risk;
    }

    public MarketDataBus bus() {
        return bus;
    }

    /**
     * Binds a connector for {@code account}: connects it, resubscribes the streams instances want, reconciles the
     * account's open orders and only then lets orders flow to it and instances on it run.
     */
    public void bindConnector(String account, ExchangeConnector connector) {
        Objects.requireNonNull(account, "account");
        AccountSlot slot = accounts.slot(account);
        if (slot.connector() != null && slot.connector() != connector) {
            logger.warn("account '{}' already has a connector; the second one is ignored until the first goes away",
                    account);
            return;
        }
        String venue;
        try {
            venue = connector.venue();
        } catch (RuntimeException e) {
            venue = "unknown";
        }
        int generation = slot.bind(connector, venue);
        try {
            connector.connect(new AccountListener(slot, bus, orders, venueCalls, scheduler, clock));
        } catch (RuntimeException e) {
            logger.warn("connector of account '{}' failed to connect: {}", account, e.getMessage());
        }
        venueCalls.bound(slot, generation);
        logger.info("account '{}' ({}) bound; reconciling its open orders", account, venue);
    }

    /** Unbinds a connector (its bundle stops or updates): instances on the account wait; open orders stay. */
    public void unbindConnector(String account, ExchangeConnector connector) {
        AccountSlot slot = accounts.find(account);
        if (slot == null || !slot.unbind(connector)) {
            return;
        }
        runner.accountReady(account, false);
        try {
            connector.disconnect();
        } catch (RuntimeException e) {
            logger.debug("disconnecting '{}': {}", account, e.getMessage());
        }
        logger.info("account '{}' unbound; its instances wait for a connector", account);
    }

    public void addRiskRule(RiskRule rule) {
        risk.addRule(rule);
    }

    public void removeRiskRule(RiskRule rule) {
        risk.removeRule(rule);
    }

    public void riskLimits(RiskLimits limits) {
        risk.global(limits);
    }

    /** Stops every instance (snapshots saved, orders left at the venue), the periodic tasks and the journal. */
    @Override
    public void close() {
        periodic.forEach(f -> f.cancel(false));
        runner.close();
        journal.close();
    }

    /** How to build an engine. */
    public static final class Builder {
        private EngineClock clock = EngineClock.WALL;
        private Dispatcher dispatcher = Dispatcher.inline();
        private ScheduledExecutorService scheduler;
        private Function<Consumer<JournalRecord>, Journal> journal = replay -> Journal.NONE;
        private TradingMode fixedMode;
        private RiskLimits riskLimits = RiskLimits.NONE;
        private int queueCapacity = 10_000;
        private long sendWaitMillis = 30_000;
        private long snapshotIntervalMillis = 60_000;
        private long balanceRefreshMillis = 60_000;
        private boolean synchronousTimers;

        private Builder() {
        }

        public Builder clock(EngineClock c) {
            this.clock = c;
            return this;
        }

        public Builder dispatcher(Dispatcher d) {
            this.dispatcher = d;
            return this;
        }

        /** The framework scheduler: timers, retries, periodic tasks, and what connectors get. */
        public Builder scheduler(ScheduledExecutorService s) {
            this.scheduler = s;
            return this;
        }

        /** A journal in {@code dir} (replayed when the engine is built). */
        public Builder journal(Path dir, long maxSegmentBytes) {
            this.journal = replay -> FileJournal.open(dir, maxSegmentBytes, replay);
            return this;
        }

        /** Any journal: {@code opener} gets the replay consumer and returns the journal (tests, embedding). */
        public Builder journal(Function<Consumer<JournalRecord>, Journal> opener) {
            this.journal = opener;
            return this;
        }

        /** A backtest: simulated clock and synchronous dispatch expected; no timers, no journal. */
        public Builder backtest() {
            this.fixedMode = TradingMode.BACKTEST;
            this.synchronousTimers = true;
            this.dispatcher = Dispatcher.inline();
            this.journal = replay -> Journal.NONE;
            return this;
        }

        public Builder riskLimits(RiskLimits limits) {
            this.riskLimits = limits;
            return this;
        }

        public Builder queueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /** How long an order waits for its account to be reconciled before it is rejected. */
        public Builder sendWaitMillis(long millis) {
            this.sendWaitMillis = millis;
            return this;
        }

        public Builder snapshotIntervalMillis(long millis) {
            this.snapshotIntervalMillis = millis;
            return this;
        }

        public Builder balanceRefreshMillis(long millis) {
            this.balanceRefreshMillis = millis;
            return this;
        }

        public Engine build() {
            if (!dispatcher.synchronous() && scheduler == null) {
                throw new IllegalStateException("a live engine needs a scheduler");
            }
            return new Engine(this);
        }
    }
}
