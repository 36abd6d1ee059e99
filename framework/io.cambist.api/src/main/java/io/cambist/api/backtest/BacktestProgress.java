package io.cambist.api.backtest;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives progress of a long backtest (called from the backtest thread; keep it cheap). */
@ConsumerType
@FunctionalInterface
public interface BacktestProgress {

    /** No progress reporting. */
    BacktestProgress NONE = (done, total) -> {
    };

    /**
     * @param done  candles replayed so far
     * @param total candles in the run, or -1 when unknown
     */
    void progress(long done, long total);
}
