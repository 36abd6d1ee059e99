package io.cambist.testkit.strategy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.cambist.api.exchange.MarketSource;
import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.exchange.SimulationSpec;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderQuery;
import io.cambist.api.order.OrderService;
import io.cambist.api.portfolio.Portfolio;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyRunner;
import io.cambist.api.strategy.StrategyStatus;
import io.cambist.core.internal.engine.Engine;
import io.cambist.core.internal.strategy.StrategyType;
import io.cambist.exchange.paper.internal.PaperVenueFactory;

/**
 * A strategy instance in the real engine on a paper venue that the test steps candle by candle, with the engine's
 * {@link StrategyRunner} and {@link OrderService} at hand: for code that talks to those services (a webhook, an admin
 * resource) and must be seen to trade for real. The engine runs as in a backtest: simulated clock, synchronous
 * dispatch, no journal.
 * <pre>
 * try (StrategySession s = StrategySession.of("signal", "io.cambist.strategy.signal", SignalStrategy::new)
 *         .sharedCandles("ETH_BTC-5m.json", ETH_BTC).instance("tv").parameter("defaultQuote", "0.1").start()) {
 *     s.step(10);
 *     s.runner().deliver("tv", signal);
 *     s.step(1);
 *     assertThat(s.orders("tv")) ...
 * }
 * </pre>
 */
public final class StrategySession implements AutoCloseable {

    private final Engine engine;
    private final SimulatedVenue venue;
    private final List<Candle> candles;
    private final String factoryPid;
    private final Instrument instrument;
    private StrategyType type;
    private int published;

    private StrategySession(Engine engine, SimulatedVenue venue, List<Candle> candles, String factoryPid,
            Instrument instrument) {
        this.engine = engine;
        this.venue = venue;
        this.candles = candles;
        this.factoryPid = factoryPid;
        this.instrument = instrument;
    }

    /**
     * Updates the strategy type's code as the runner sees a bundle update: the old type goes away (every instance is
     * paused, its snapshot taken, its object released without {@code onStop}) and the new one arrives (each instance
     * gets a new object, started with that snapshot and its open orders, and its queue drains).
     */
    public StrategySession hotSwap(Supplier<? extends Strategy> newCode) {
        StrategyType old = type;
        type = new StrategyType(old.type(), old.factoryPid(), newCode::get);
        engine.runner().typeRemoved(old);
        engine.runner().typeAdded(type);
        return this;
    }

    /** Configures another instance of the same type on the same account and instrument (it starts at once). */
    public StrategySession addInstance(String id, Map<String, ?> parameters) {
        Map<String, String> config = new TreeMap<>();
        parameters.forEach((k, v) -> config.put(k, String.valueOf(v)));
        config.put("instrument", instrument.symbol());
        config.put("account", StrategyReplay.ACCOUNT);
        engine.runner().configure(factoryPid + "~" + id, factoryPid, config);
        return this;
    }

    /** Builds a session. */
    public static Builder of(String type, String factoryPid, Supplier<? extends Strategy> strategies) {
        return new Builder(type, factoryPid, strategies);
    }

    /** The engine's strategy runner (instances, deliver, halt). */
    public StrategyRunner runner() {
        return engine.runner();
    }

    /** The engine's order service. */
    public OrderService orders() {
        return engine.orders();
    }

    /** The engine's portfolio. */
    public Portfolio portfolio() {
        return engine.portfolio();
    }

    /** An instance's status. */
    public StrategyStatus status(String instanceId) {
        return engine.runner().instance(instanceId).orElseThrow();
    }

    /** Every order of an instance, newest first. */
    public List<Order> orders(String instanceId) {
        return engine.orders().orders(OrderQuery.ofStrategy(instanceId, false));
    }

    /** Publishes the next candle (fills first, then the candle to the strategies); false at the end of the market. */
    public boolean step() {
        boolean more = venue.step();
        if (more) {
            published++;
        }
        return more;
    }

    /** Publishes up to {@code n} candles; returns how many were published. */
    public int step(int n) {
        int done = 0;
        while (done < n && step()) {
            done++;
        }
        return done;
    }

    /** The last candle published, or {@code null} before the first. */
    public Candle lastCandle() {
        return published == 0 ? null : candles.get(published - 1);
    }

    /** The simulated time: the close of the last candle published. */
    public long time() {
        return venue.time();
    }

    @Override
    public void close() {
        engine.close();
    }

    /** How to build a session. */
    public static final class Builder {
        private final String type;
        private final String factoryPid;
        private final Supplier<? extends Strategy> strategies;
        private final Map<String, String> parameters = new TreeMap<>();
        private final Map<String, BigDecimal> balances = new TreeMap<>();
        private MarketSource source;
        private List<Candle> candles;
        private String instance = "test";
        private BigDecimal fee = BigDecimal.ZERO;

        private Builder(String type, String factoryPid, Supplier<? extends Strategy> strategies) {
            this.type = Objects.requireNonNull(type);
            this.factoryPid = Objects.requireNonNull(factoryPid);
            this.strategies = Objects.requireNonNull(strategies);
        }

        /** A file of {@code ../shared/data/candles}; the calling test is skipped when it is absent. */
        public Builder sharedCandles(String name, Instrument instrument) {
            Path file = SharedData.candleFile(name);
            this.candles = io.cambist.exchange.paper.internal.market.CandleFileReader.read(file, StrategyReplay.ACCOUNT,
                    instrument, (Timeframe) null).candles();
            this.source = new MarketSource.CandleFile(file, instrument, null);
            return this;
        }

        /** Candles held in memory. */
        public Builder candles(Instrument instrument, List<Candle> list) {
            this.candles = List.copyOf(list);
            this.source = new MarketSource.Candles(instrument, list);
            return this;
        }

        /** The instance id (the configuration name after {@code ~}). */
        public Builder instance(String id) {
            this.instance = id;
            return this;
        }

        public Builder parameter(String key, Object value) {
            parameters.put(key, String.valueOf(value));
            return this;
        }

        public Builder balance(String currency, String amount) {
            balances.put(currency, new BigDecimal(amount));
            return this;
        }

        public Builder fee(String rate) {
            this.fee = new BigDecimal(rate);
            return this;
        }

        /** Builds the engine and the venue, binds them, and configures the instance (it starts at once). */
        public StrategySession start() {
            if (source == null) {
                throw new IllegalStateException("no market: call candles(...) or sharedCandles(...) first");
            }
            Map<String, BigDecimal> start = new TreeMap<>(balances);
            if (start.isEmpty()) {
                start.put(source.instrument().quote(), BigDecimal.ONE);
            }
            SimulatedVenue venue = new PaperVenueFactory().create(new SimulationSpec(StrategyReplay.ACCOUNT, source, start,
                    fee, fee));
            Engine engine = Engine.builder().backtest().clock(venue::time).build();
            engine.bindConnector(StrategyReplay.ACCOUNT, venue);
            StrategyType t = new StrategyType(type, factoryPid, strategies::get);
            engine.runner().typeAdded(t);
            StrategySession session = new StrategySession(engine, venue, candles, factoryPid, source.instrument());
            session.type = t;
            return session.addInstance(instance, parameters);
        }
    }
}
