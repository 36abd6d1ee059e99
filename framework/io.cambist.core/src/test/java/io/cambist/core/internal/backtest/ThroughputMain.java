package io.cambist.core.internal.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;
import io.cambist.core.internal.testing.TestSmaCross;
import io.cambist.core.internal.testing.TestVenue;

/**
 * A quick, manual throughput check of the backtest path (not a test, not a benchmark: the JMH benchmark lives in
 * distribution/benchmarks). Usage: java -cp ... ThroughputMain [candles] [rounds]
 */
public final class ThroughputMain {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Instrument i = Instrument.of("ETH", "BTC");
        List<Candle> candles = new ArrayList<>(n);
        SplittableRandom r = new SplittableRandom(42);
        long price = 1_000_000;
        for (int k = 0; k < n; k++) {
            long open = price;
            price = Math.max(1000, price + (long) (r.nextGaussian() * 2000));
            long high = Math.max(open, price) + r.nextInt(500);
            long low = Math.min(open, price) - r.nextInt(500);
            candles.add(new Candle("x", i, Timeframe.M1, k * 60_000L, BigDecimal.valueOf(open, 7),
                    BigDecimal.valueOf(high, 7), BigDecimal.valueOf(low, 7), BigDecimal.valueOf(price, 7), BigDecimal.ONE));
        }
        BigDecimal fee = new BigDecimal("0.001");
        for (int round = 0; round < rounds; round++) {
            TestVenue venue = new TestVenue("backtest", i, candles, Map.of("BTC", BigDecimal.ONE), fee, fee).withTickers(
                    args.length > 2 && args[2].equals("tickers"));
            BacktestRequest req = new BacktestRequest("smacross", new MarketSource.Candles(i, List.of()), Map.of(),
                    Map.of(), fee, fee, List.of());
            boolean idle = args.length > 3 && args[3].equals("idle");
            java.util.function.Supplier<io.cambist.api.strategy.Strategy> strategy = idle ? () -> c -> c.subscribe(
                    io.cambist.api.model.Subscription.candles(c.instrument(), null)) : TestSmaCross::new;
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            BacktestReport rep = Backtester.run(venue, "smacross", strategy, req, null);
            long t1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            System.out.printf("round %d: %,d candles in %d ms wall (%,.0f candles/s), %d ms cpu (%,.0f candles/s),"
                    + " %d trades%n", round, rep.candles(), (t1 - t0) / 1_000_000, rep.candles() / ((t1 - t0) / 1e9),
                    (c1 - c0) / 1_000_000, rep.candles() / ((c1 - c0) / 1e9), rep.trades().size());
        }
    }
}
