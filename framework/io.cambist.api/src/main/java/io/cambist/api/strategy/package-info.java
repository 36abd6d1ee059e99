/**
 * Strategies and how they run. A strategy bundle registers a prototype-scoped {@link io.cambist.api.strategy.Strategy}
 * service per strategy type; the core's runner creates one instance per factory configuration (one configuration =
 * one bot), gives it a {@link io.cambist.api.strategy.StrategyContext}, and delivers its market data, order events
 * and signals in order on its own queue. The same code runs in backtests, paper trading and live trading.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.cambist.api.strategy;
