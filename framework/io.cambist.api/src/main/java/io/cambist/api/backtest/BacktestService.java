package io.cambist.api.backtest;

import org.osgi.annotation.versioning.ProviderType;

/** Runs backtests through the live engine with a simulated clock and venue, synchronously on the calling thread. */
@ProviderType
public interface BacktestService {

    /**
     * Runs a backtest to the end of its market.
     *
     * @throws IllegalArgumentException when the request is invalid (unknown strategy type, unreadable candle file,
     *                                  bad parameter), with a message that says what to fix
     */
    BacktestReport run(BacktestRequest request, BacktestProgress progress);

    /** The report as JSON: stable field order and number formatting, so equal reports give identical bytes. */
    String toJson(BacktestReport report);

    /** The report as a self-contained HTML page (equity curve, trades on the price chart; no network needed). */
    String toHtml(BacktestReport report);
}
