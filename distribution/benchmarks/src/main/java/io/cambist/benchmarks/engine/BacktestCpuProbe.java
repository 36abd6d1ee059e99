package io.cambist.benchmarks.engine;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.exchange.SimulatedVenue;

/**
 * The backtest of {@link BacktestBenchmark} for machines shared with other work, where the wall-clock rate says more
 * about the neighbours than about the code: candles per CPU-second of the replaying thread (the engine's own work)
 * and of the whole process (with the garbage collector and the JIT compilers), the time spent in collections, and
 * the bytes the replaying thread allocated per candle. Each round is one whole backtest of
 * {@value BacktestBenchmark#CANDLES} candles; the first rounds are the warm-up.
 * <p>
 * Run: {@code java -Xms2g -Xmx2g -cp benchmarks.jar io.cambist.benchmarks.engine.BacktestCpuProbe [market]
 * [strategy] [rounds] [fee]}, markets and strategies as in {@link BacktestBenchmark} (default
 * {@code eth-btc-5m smacross 8 0}).
 */
public final class BacktestCpuProbe {

    private BacktestCpuProbe() {
    }

    public static void main(String[] args) {
        String market = args.length > 0 ? args[0] : "eth-btc-5m";
        String strategy = args.length > 1 ? args[1] : "smacross";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        BigDecimal fee = new BigDecimal(args.length > 3 ? args[3] : "0");
        MarketSource source;
        try {
            source = BacktestBenchmark.source(market);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("skipped: " + e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, BigDecimal> balances = BacktestBenchmark.balances(source);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long self = Thread.currentThread().getId();
        System.out.printf("%s, %s, fee %s, %s, %,d candles per round; load average %.2f%n", market, strategy,
                fee.toPlainString(), balances, BacktestBenchmark.CANDLES, os.getSystemLoadAverage());
        for (int round = 0; round < rounds; round++) {
            SimulatedVenue venue = BacktestBenchmark.venue(source, balances, fee);
            long bytes0 = threads.getThreadAllocatedBytes(self);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long process0 = os.getProcessCpuTime();
            long gc0 = gcMillis();
            long wall0 = System.nanoTime();
            BacktestReport report = BacktestBenchmark.run(venue, source, strategy, fee);
            long wall = System.nanoTime() - wall0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long bytes = threads.getThreadAllocatedBytes(self) - bytes0;
            long process = os.getProcessCpuTime() - process0;
            long gc = gcMillis() - gc0;
            double candles = report.candles();
            System.out.printf("round %d: %,.0f candles/s wall, %,.0f per CPU-second of the thread, %,.0f per "
                    + "CPU-second of the process, GC %d ms of %d ms, %,.0f bytes/candle, %,d trades, final equity %s"
                    + "; load %.2f%n", round, candles / (wall / 1e9), candles / (cpu / 1e9), candles / (process / 1e9),
                    gc, wall / 1_000_000, bytes / candles, report.trades().size(),
                    report.finalEquity().toPlainString(), os.getSystemLoadAverage());
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
