package io.cambist.api.strategy;

/** Where an instance's orders go. Only the clock and the venue differ between modes. */
public enum TradingMode {
    /** Simulated clock, simulated venue, synchronous dispatch on one thread. */
    BACKTEST,
    /** Wall clock (possibly paced replay), simulated venue. */
    PAPER,
    /** Wall clock, real venue. */
    LIVE
}
