package io.cambist.core.internal.backtest;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cambist.api.backtest.BacktestMetrics;
import io.cambist.api.backtest.BacktestProgress;
import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.model.Balance;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.StrategyState;
import io.cambist.api.strategy.StrategyStatus;
import io.cambist.core.internal.engine.Engine;
import io.cambist.core.internal.strategy.InstanceSettings;
import io.cambist.core.internal.strategy.StrategyInstance;
import io.cambist.core.internal.strategy.StrategyType;

/**
 * Runs one backtest through the live engine: a private {@link Engine} with the venue's simulated clock, synchronous
 * dispatch and no journal; the venue is stepped to its end; equity is recorded at every candle close and the fills
 * as they happen. Plain Java, so benchmarks and tests call it directly with a venue and a strategy type.
 * <p>
 * A signal timed {@code t} is delivered right after the first candle whose close time is at or after {@code t}: the
 * strategy learns of it no earlier than it was sent, and a market order it places fills at the next candle's open.
 */
public final class Backtester {

    static final String INSTANCE_ID = "backtest";

    /**
     * Runs a backtest from plain objects (benchmarks, tests, embedding): a venue and a way to make strategy objects.
     *
     * @param venue      a fresh simulated venue
     * @param type       the strategy type's name (reported)
     * @param strategies makes the strategy object
     * @param request    parameters and signals (its source and balances are the venue's business)
     */
    public static BacktestReport run(io.cambist.api.exchange.SimulatedVenue venue, String type,
            java.util.function.Supplier<io.cambist.api.strategy.Strategy> strategies, BacktestRequest request,
            BacktestProgress progress) {
        StrategyType t = new StrategyType(type, "io.cambist.backtest." + type, strategies::get);
        return new Backtester().run(venue, t, request, progress);
    }
    private static final int PROGRESS_EVERY = 1 << 14;

    /**
     * Runs a backtest.
     *
     * @param venue   a fresh simulated venue over the request's market, with the request's balances and fees
     * @param type    the strategy type
     * @param request what to run (its parameters, signals)
     * @throws IllegalArgumentException when the strategy refuses its parameters at start, with its message
     */
    public BacktestReport run(io.cambist.api.exchange.SimulatedVenue venue, StrategyType type, BacktestRequest request,
            BacktestProgress progress) {
        BacktestProgress report = progress == null ? BacktestProgress.NONE : progress;
        Instrument instrument = request.source().instrument();
        TappedVenue tap = new TappedVenue(venue);
        String account = venue.account();
        Engine engine = Engine.builder().backtest().clock(venue::time).build();
        try {
            engine.bindConnector(account, tap);
            Map<String, BigDecimal> startingBalances = totals(venue.balances());
            TradeRecorder trades = new TradeRecorder();
            engine.portfolio().addListener(trades);
            engine.runner().typeAdded(type);
            Map<String, String> config = new TreeMap<>(request.parameters());
            config.put(InstanceSettings.INSTRUMENT, instrument.symbol());
            config.put(InstanceSettings.ACCOUNT, account);
            config.remove(InstanceSettings.ENABLED);
            StrategyInstance instance = engine.runner().configure(INSTANCE_ID, type.factoryPid(), config);
            trades.watch(engine.portfolio().strategyPosition(INSTANCE_ID, account, instrument));
            StrategyStatus started = engine.runner().instance(INSTANCE_ID).orElseThrow();
            if (started.state() == StrategyState.FAILED && (instance.refusedParameters()
                    || instance.settings().problem() != null)) {
                throw new IllegalArgumentException(type.type() + ": " + started.reason());
            }
            return replay(engine, tap, instance, type, request, report, startingBalances, trades, account, instrument);
        } finally {
            engine.close();
        }
    }

    private BacktestReport replay(Engine engine, TappedVenue tap, StrategyInstance instance, StrategyType type,
            BacktestRequest request, BacktestProgress progress, Map<String, BigDecimal> startingBalances,
            TradeRecorder trades, String account, Instrument instrument) {
        long total = tap.size();
        Iterator<Signal> signals = request.signals().iterator();
        Signal nextSignal = signals.hasNext() ? signals.next() : null;
        EquityRecorder equity = null;
        BigDecimal startingEquity = BigDecimal.ZERO;
        long startTime = 0;
        long candles = 0;
        while (tap.step()) {
            Candle c = tap.last();
            if (c == null) {
                continue;
            }
            if (equity == null) {
                startTime = c.openTime();
                startingEquity = startingEquity(startingBalances, instrument, c.open());
                equity = new EquityRecorder(engine.portfolio(), account, instrument.base(), instrument.quote(), total,
                        startingEquity);
            }
            while (nextSignal != null && nextSignal.time() <= c.time()) {
                deliver(engine, nextSignal);
                nextSignal = signals.hasNext() ? signals.next() : null;
            }
            equity.record(c);
            candles++;
            if ((candles & (PROGRESS_EVERY - 1)) == 0) {
                progress.progress(candles, total);
            }
        }
        progress.progress(candles, total);
        StrategyStatus status = engine.runner().instance(INSTANCE_ID).orElseThrow();
        String failure = status.state() == StrategyState.FAILED ? status.reason() : null;
        Candle last = equity == null ? null : equity.last();
        BigDecimal finalEquity = equity == null ? startingEquity : equity.equity(last.close());
        BacktestMetrics metrics = new BacktestMetrics(
                EquityRecorder.ratio(finalEquity.subtract(startingEquity), startingEquity),
                equity == null ? BigDecimal.ZERO : equity.maxDrawdown(),
                equity == null ? BigDecimal.ZERO : equity.sharpe(last.timeframe().millis()),
                EquityRecorder.ratio(BigDecimal.valueOf(trades.wins()), BigDecimal.valueOf(trades.roundTrips())),
                trades.trades().size(), trades.roundTrips(), trades.fees());
        Map<String, BigDecimal> finalBalances = new TreeMap<>();
        for (Balance b : engine.portfolio().balances(account)) {
            finalBalances.put(b.currency(), b.total());
        }
        return new BacktestReport(type.type(), instrument, request.parameters(), candles, startTime,
                last == null ? startTime : last.time(), startingBalances, finalBalances, startingEquity, finalEquity,
                trades.trades(), metrics, equity == null ? List.of() : equity.curve(), failure);
    }

    private static void deliver(Engine engine, Signal signal) {
        try {
            engine.runner().deliver(INSTANCE_ID, signal);
        } catch (IllegalStateException e) {
            // the instance failed or halted: the signal has nowhere to go, like a live bot that stopped
        }
    }

    private static Map<String, BigDecimal> totals(List<Balance> balances) {
        Map<String, BigDecimal> m = new TreeMap<>();
        for (Balance b : balances) {
            m.merge(b.currency(), b.total(), BigDecimal::add);
        }
        return m;
    }

    private static BigDecimal startingEquity(Map<String, BigDecimal> balances, Instrument instrument, BigDecimal open) {
        BigDecimal quote = balances.getOrDefault(instrument.quote(), BigDecimal.ZERO);
        BigDecimal base = balances.getOrDefault(instrument.base(), BigDecimal.ZERO);
        return base.signum() == 0 ? quote : quote.add(base.multiply(open));
    }
}
