/**
 * Backtests: run a strategy type over historical candles on a simulated venue with a simulated clock, through the same
 * engine that trades live, and get a deterministic report (trades, equity, metrics) as JSON and as a self-contained
 * HTML page. The core implements the service; the {@code cambist backtest} command and the admin API call it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.cambist.api.backtest;
