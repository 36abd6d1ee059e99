package io.cambist.benchmarks.connectors;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The connector benchmarks measured per CPU-second of the measuring thread, with the bytes it allocated per operation,
 * for machines shared with other work: book updates applied (from parsed events and from text) and messages parsed,
 * per connector. Each line is the best of the rounds after the warm-up rounds.
 * Run: {@code java -cp benchmarks.jar io.cambist.benchmarks.connectors.ConnectorCpuProbe [rounds]}.
 */
public final class ConnectorCpuProbe {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final Blackhole HOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    private ConnectorCpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.out.printf("load average %.2f; best of %d rounds after %d warm-up rounds%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rounds, rounds);
        BinanceBookBenchmark binance = new BinanceBookBenchmark();
        binance.record();
        measure("binance book apply", BinanceBookBenchmark.EVENTS, rounds, binance::load, () -> binance.apply(HOLE));
        measure("binance book parseAndApply", BinanceBookBenchmark.EVENTS, rounds, binance::load,
                () -> binance.parseAndApply(HOLE));
        KrakenBookBenchmark kraken = new KrakenBookBenchmark();
        kraken.record();
        measure("kraken book apply", KrakenBookBenchmark.UPDATES, rounds, kraken::load, () -> kraken.apply(HOLE));
        measure("kraken book parseAndApply", KrakenBookBenchmark.UPDATES, rounds, kraken::load,
                () -> kraken.parseAndApply(HOLE));
        for (String connector : List.of("binance", "kraken")) {
            for (String kind : List.of("mix", "book", "trade", "ticker", "candle")) {
                StreamParserBenchmark p = new StreamParserBenchmark();
                p.connector = connector;
                p.kind = kind;
                p.record();
                int n = StreamParserBenchmark.MESSAGES * 16;
                measure(connector + " parse " + kind, n, rounds, () -> {
                }, () -> {
                    for (int i = 0; i < n; i++) {
                        HOLE.consume(p.parse());
                    }
                });
            }
        }
    }

    private static void measure(String what, int ops, int rounds, Runnable setup, Runnable run) {
        long self = Thread.currentThread().getId();
        double best = 0;
        double bytes = 0;
        for (int r = 0; r < 2 * rounds; r++) {
            setup.run();
            long b0 = THREADS.getThreadAllocatedBytes(self);
            long c0 = THREADS.getCurrentThreadCpuTime();
            run.run();
            long cpu = THREADS.getCurrentThreadCpuTime() - c0;
            long allocated = THREADS.getThreadAllocatedBytes(self) - b0;
            if (r >= rounds && ops / (cpu / 1e9) > best) {
                best = ops / (cpu / 1e9);
                bytes = allocated / (double) ops;
            }
        }
        System.out.printf("%-30s %,12.0f per CPU-second %,9.0f bytes each%n", what, best, bytes);
    }
}
