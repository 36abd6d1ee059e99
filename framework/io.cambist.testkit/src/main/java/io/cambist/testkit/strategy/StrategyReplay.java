package io.cambist.testkit.strategy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.cambist.api.backtest.BacktestProgress;
import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.exchange.SimulationSpec;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.SignalFile;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.core.internal.backtest.Backtester;
import io.cambist.exchange.paper.internal.PaperVenueFactory;
import io.cambist.exchange.paper.internal.market.CandleFileReader;

/**
 * The strategy replay harness: replays real candles (and optionally timed signals) through the real engine and the
 * paper venue for a strategy under test, exactly as {@code cambist backtest} does, and records everything the
 * strategy does so that a test can assert concrete behaviour.
 * <pre>
 * ReplayResult r = StrategyReplay.of("grid", GridStrategy::new)
 *         .sharedCandles("ETH_BTC-5m.json", Instrument.of("ETH", "BTC"))
 *         .parameter("lower", "0.09").parameter("upper", "0.1").parameter("levels", 11).parameter("orderSize", "0.5")
 *         .balance("BTC", "1").fee("0.001")
 *         .run();
 * </pre>
 * A test may also replace the strategy object in the middle of the run, as the runner does on a hot swap
 * ({@link #hotSwapAt}) or after a crash ({@link #restartAt}), and check that the new object carries on without
 * duplicating anything. Tests that need the shared market data skip, with a message, when it is absent.
 */
public final class StrategyReplay {

    /** The account of the simulated venue. */
    public static final String ACCOUNT = "paper";

    private final String type;
    private final Supplier<? extends Strategy> strategies;
    private final Map<String, String> parameters = new TreeMap<>();
    private final Map<String, BigDecimal> balances = new TreeMap<>();
    private final Map<Integer, Boolean> swaps = new TreeMap<>();
    private final Map<Integer, Integer> restartSnapshotFrom = new TreeMap<>();
    private final List<Signal> signals = new ArrayList<>();
    private MarketSource source;
    private List<Candle> candles;
    private BigDecimal makerFee = BigDecimal.ZERO;
    private BigDecimal takerFee = BigDecimal.ZERO;

    private StrategyReplay(String type, Supplier<? extends Strategy> strategies) {
        this.type = Objects.requireNonNull(type, "type");
        this.strategies = Objects.requireNonNull(strategies, "strategies");
    }

    /** A replay of strategy type {@code type}, whose objects {@code strategies} makes. */
    public static StrategyReplay of(String type, Supplier<? extends Strategy> strategies) {
        return new StrategyReplay(type, strategies);
    }

    /** Replays a candle file (JSON arrays or CSV, as {@code cambist backtest --candles} reads it). */
    public StrategyReplay candles(Path file, Instrument instrument, Timeframe timeframe) {
        this.candles = CandleFileReader.read(file, ACCOUNT, instrument, timeframe).candles();
        this.source = new MarketSource.CandleFile(file, instrument, timeframe);
        return this;
    }

    /**
     * Replays a file of {@code ../shared/data/candles} (found through the system property {@code cambist.shared.data});
     * the calling test is skipped, with a message, when it is absent.
     */
    public StrategyReplay sharedCandles(String name, Instrument instrument) {
        return candles(SharedData.candleFile(name), instrument, null);
    }

    /** Replays candles held in memory. */
    public StrategyReplay candles(Instrument instrument, List<Candle> list) {
        this.candles = List.copyOf(list);
        this.source = new MarketSource.Candles(instrument, list);
        return this;
    }

    /** Sets one parameter, as {@code --set key=value} does. */
    public StrategyReplay parameter(String key, Object value) {
        parameters.put(key, String.valueOf(value));
        return this;
    }

    /** Sets several parameters. */
    public StrategyReplay parameters(Map<String, ?> values) {
        values.forEach(this::parameter);
        return this;
    }

    /** A starting balance (default: 1 of the quote currency). */
    public StrategyReplay balance(String currency, String amount) {
        balances.put(currency, new BigDecimal(amount));
        return this;
    }

    /** The same maker and taker fee rate, e.g. {@code 0.001}. */
    public StrategyReplay fee(String rate) {
        return fees(rate, rate);
    }

    /** Maker and taker fee rates. */
    public StrategyReplay fees(String maker, String taker) {
        this.makerFee = new BigDecimal(maker);
        this.takerFee = new BigDecimal(taker);
        return this;
    }

    /** Timed signals, delivered as a backtest delivers them (after the first candle closing at or after their time). */
    public StrategyReplay signals(List<Signal> list) {
        signals.addAll(list);
        signals.sort((a, b) -> Long.compare(a.time(), b.time()));
        return this;
    }

    /** A signal file ({@link SignalFile} format), as {@code cambist backtest --signals FILE} reads it. */
    public StrategyReplay signalFile(Path file) {
        return signals(SignalFile.read(file));
    }

    /**
     * Replaces the strategy object before candle {@code index} as a hot swap does: the old object's snapshot, then a
     * new object started with it and the instance's open orders. The old object gets no {@code onStop}.
     */
    public StrategyReplay hotSwapAt(int index) {
        swaps.put(index, false);
        return this;
    }

    /**
     * Replaces the strategy object before candle {@code index} as a restart after a crash does: the new object gets
     * the snapshot taken when candle {@code snapshotFrom} was delivered (so it misses what happened since), and the
     * instance's open orders as the core reconciled them.
     */
    public StrategyReplay restartAt(int index, int snapshotFrom) {
        if (snapshotFrom > index) {
            throw new IllegalArgumentException("the snapshot of a restart must be older than the restart");
        }
        swaps.put(index, true);
        restartSnapshotFrom.put(index, snapshotFrom);
        return this;
    }

    /**
     * Runs the replay to the end of the market.
     *
     * @throws IllegalArgumentException when the strategy refuses its parameters at start (its message)
     */
    public ReplayResult run() {
        if (source == null) {
            throw new IllegalStateException("no market: call candles(...) or sharedCandles(...) first");
        }
        Map<String, BigDecimal> start = new TreeMap<>(balances);
        if (start.isEmpty()) {
            start.put(source.instrument().quote(), BigDecimal.ONE);
        }
        SimulatedVenue venue = new PaperVenueFactory().create(new SimulationSpec(ACCOUNT, source, start, makerFee,
                takerFee));
        RecordingStrategy recorder = new RecordingStrategy(strategies, candles, swaps, restartSnapshotFrom);
        BacktestRequest request = new BacktestRequest(type, source, parameters, start, makerFee, takerFee, signals);
        BacktestReport report = Backtester.run(venue, type, () -> recorder, request, BacktestProgress.NONE);
        StrategySnapshot last = recorder.current() == null ? StrategySnapshot.EMPTY : recorder.current().snapshot();
        return new ReplayResult(report, candles, recorder, last);
    }
}
