package io.cambist.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Tick-to-order latency in paper mode outside JMH ({@link PaperTicks}), with and without the journal's fsync: the
 * exact distribution of the interval from a candle entering the engine to the order the strategy placed in reaction
 * entering the venue's {@code place}, of its first part (to the strategy's {@code onCandle}) and of the order-intent
 * journal append inside it. The warm-up runs on one engine, the measurement on a fresh one.
 * <p>
 * Run: {@code java -cp benchmarks.jar io.cambist.benchmarks.engine.TickToOrderProbe [warm-up ticks] [measured ticks]},
 * or {@code ... TickToOrderProbe growth [max ticks]} to follow one engine as its orders accumulate (blocks of 5,000
 * ticks, without fsync; it stops at the first block slower than 20 s).
 */
public final class TickToOrderProbe {

    private TickToOrderProbe() {
    }

    public static void main(String[] args) {
        System.out.printf("%d processors, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (args.length > 0 && args[0].equals("growth")) {
            growth(args.length > 1 ? Integer.parseInt(args[1]) : 150_000);
            return;
        }
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        System.out.printf("%,d warm-up ticks, %,d measured%n", warmup, measured);
        for (boolean fsync : new boolean[] {true, false}) {
            try (PaperTicks ticks = new PaperTicks(fsync)) {
                for (int i = 0; i < warmup; i++) {
                    ticks.tick();
                }
            }
            try (PaperTicks ticks = new PaperTicks(fsync)) {
                long t0 = System.nanoTime();
                for (int i = 0; i < measured; i++) {
                    ticks.tick();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("fsync=%s: %,.0f ticks/s%n  candle to place:    %s%n  candle to strategy: %s%n"
                        + "  intent append:      %s%n", fsync, measured / seconds, ticks.tickToOrder().summary(),
                        ticks.toStrategy().summary(), ticks.intents().summary());
            }
        }
    }

    private static void growth(int maxTicks) {
        int block = 5_000;
        try (PaperTicks ticks = new PaperTicks(false)) {
            for (int done = 0; done < maxTicks; done += block) {
                ticks.clearSamples();
                long t0 = System.nanoTime();
                int n = 0;
                while (n < block && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20)) {
                    ticks.tick();
                    n++;
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("orders %,7d to %,7d: %,8.0f ticks/s; candle to place %s%n", done, done + n,
                        n / seconds, ticks.tickToOrder().summary());
                if (n < block) {
                    System.out.println("stopped: the block took more than 20 s");
                    return;
                }
            }
        }
    }
}
