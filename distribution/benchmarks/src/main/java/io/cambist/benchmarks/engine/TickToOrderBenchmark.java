package io.cambist.benchmarks.engine;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tick-to-order latency in paper mode ({@link PaperTicks}): live dispatch on the core's pools, the journal on disk.
 * JMH samples one whole paper tick: the venue matches the previous order and publishes a candle, the strategy reacts
 * on its instance queue, the order is checked, journaled (fsync) and sent on the account lane to the venue, which
 * acknowledges it. The narrower interval the issue asks for, from the candle entering the engine to the order
 * entering {@code place}, is recorded exactly on every tick and printed after every iteration (the fork's output);
 * {@link TickToOrderProbe} prints the same outside JMH. {@code fsync=false} writes the journal without forcing it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickToOrderBenchmark {

    @Param({"true", "false"})
    public boolean fsync;

    private PaperTicks ticks;

    /**
     * A fresh engine and journal for every iteration: a live engine keeps every order of the last 7 days and writes
     * them all into each journal checkpoint, and once they pass the 16 MiB segment size (about 75,000 orders) it
     * checkpoints after every operation (see docs/performance.md); an iteration stays well below that.
     */
    @Setup(Level.Iteration)
    public void start() {
        ticks = new PaperTicks(fsync);
    }

    @Benchmark
    public long tick() {
        return ticks.tick();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        System.out.println();
        System.out.println("  candle entering the engine to order entering place: " + ticks.tickToOrder().summary());
        System.out.println("  candle entering the engine to the strategy's onCandle: " + ticks.toStrategy().summary());
        System.out.println("  order-intent journal append" + (fsync ? " with fsync: " : " without fsync: ")
                + ticks.intents().summary());
        ticks.close();
    }
}
