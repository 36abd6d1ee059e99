package io.cambist.benchmarks.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.exchange.SimulationSpec;
import io.cambist.api.strategy.Strategy;
import io.cambist.core.internal.backtest.Backtester;
import io.cambist.exchange.paper.internal.PaperVenueFactory;
import io.cambist.strategy.smacross.internal.SmaCrossStrategy;

/**
 * Backtest throughput through the full path, one thread: the real engine ({@link Backtester}: private engine,
 * synchronous dispatch, simulated clock, equity and trades recorded), the real paper venue
 * ({@link PaperVenueFactory}: matching engine, fill model, fees) and the real SMA cross strategy (10/30, spending
 * its whole balance on each buy: 1 BTC on ETH/BTC, 10,000 USDT on BTC/USDT), over
 * {@value #CANDLES} candles per backtest. One operation is one candle, so the score is candles per second and
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes allocated per candle.
 * <p>
 * Markets: {@code eth-btc-5m} is {@code ETH_BTC-5m.json} of the shared data (5,760 real candles) cycled with rising
 * times; {@code synthetic} is the paper venue's synthetic market generated while it is replayed (as
 * {@code cambist backtest} does for a synthetic source); {@code synthetic-list} is the same market generated ahead,
 * so the venue only reads an array. The strategy {@code idle} ({@code -p strategy=idle}) only counts the candles it
 * receives: the engine and the venue alone. Building the venue (copying the candle list) is done before each backtest
 * and not timed. Without the shared data, {@code eth-btc-5m} stops in its set-up with a message saying where the
 * candles were looked for; the other markets still run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BacktestBenchmark {

    /** Candles per backtest. */
    public static final int CANDLES = 2_000_000;

    @Param({"eth-btc-5m", "synthetic", "synthetic-list"})
    public String market;

    @Param({"smacross"})
    public String strategy;

    /**
     * Maker and taker fee rate. 0 by default: the SMA cross loses a quarter of its equity to 0.1 % fees in each
     * 20-day cycle of the ETH/BTC file, so over 347 cycles its balance would dwindle to nothing and it would stop
     * trading long before the end (docs/performance.md).
     */
    @Param({"0"})
    public String fee;

    private MarketSource source;
    private Map<String, BigDecimal> balances;
    private SimulatedVenue venue;
    private BacktestReport last;

    @Setup(Level.Trial)
    public void market() {
        source = source(market);
        balances = balances(source);
    }

    /** The market of a name: {@code eth-btc-5m}, {@code synthetic} or {@code synthetic-list}. */
    public static MarketSource source(String market) {
        return switch (market) {
            case "eth-btc-5m" -> new MarketSource.Candles(Markets.ETH_BTC,
                    Markets.cycle(Markets.shared("ETH_BTC-5m.json", Markets.ETH_BTC), CANDLES));
            case "synthetic" -> Markets.synthetic(CANDLES);
            case "synthetic-list" -> new MarketSource.Candles(Markets.BTC_USDT, Markets.syntheticCandles(CANDLES));
            default -> throw new IllegalArgumentException("unknown market " + market
                    + ": eth-btc-5m, synthetic or synthetic-list");
        };
    }

    /** Starting balances: 1 BTC for ETH/BTC (as {@code cambist backtest}), 10,000 USDT for BTC/USDT. */
    public static Map<String, BigDecimal> balances(MarketSource source) {
        String quote = source.instrument().quote();
        return Map.of(quote, quote.equals("BTC") ? BigDecimal.ONE : new BigDecimal("10000"));
    }

    /** A fresh paper venue over {@code source} with {@code fee} as maker and taker fee rate. */
    public static SimulatedVenue venue(MarketSource source, Map<String, BigDecimal> balances, BigDecimal fee) {
        return new PaperVenueFactory().create(new SimulationSpec(Markets.ACCOUNT, source, balances, fee, fee));
    }

    @Setup(Level.Invocation)
    public void venue() {
        venue = venue(source, balances, new BigDecimal(fee));
    }

    @Benchmark
    @OperationsPerInvocation(CANDLES)
    public BacktestReport backtest() {
        last = run(venue, source, strategy, new BigDecimal(fee));
        return last;
    }

    /** One backtest of {@code venue} with the named strategy ({@code smacross} or {@code idle}). */
    public static BacktestReport run(SimulatedVenue venue, MarketSource source, String strategy, BigDecimal fee) {
        Supplier<Strategy> objects = switch (strategy) {
            case "smacross" -> SmaCrossStrategy::new;
            case "idle" -> IdleStrategy::new;
            default -> throw new IllegalArgumentException("unknown strategy " + strategy + ": smacross or idle");
        };
        BacktestRequest request = new BacktestRequest(strategy, source, Map.of(), Map.of(), fee, fee, List.of());
        return Backtester.run(venue, strategy, objects, request, null);
    }

    @TearDown(Level.Trial)
    public void check() {
        if (last == null || last.candles() != CANDLES || last.failure() != null) {
            throw new IllegalStateException("the backtest did not run through: " + (last == null ? "no report"
                    : last.candles() + " candles, failure " + last.failure()));
        }
        if (strategy.equals("smacross") && last.trades().isEmpty()) {
            throw new IllegalStateException("the SMA cross strategy made no trade: the benchmark measures nothing");
        }
    }
}
