package io.cambist.core.internal.engine;

/** The framework clock: wall time live and in paper trading, the venue's candle time in backtests. */
@FunctionalInterface
public interface EngineClock {

    /** The wall clock. */
    EngineClock WALL = System::currentTimeMillis;

    /** Now, epoch milliseconds. */
    long now();
}
