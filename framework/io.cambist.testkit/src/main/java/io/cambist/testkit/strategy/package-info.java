/**
 * The strategy replay harness: {@link io.cambist.testkit.strategy.StrategyReplay} replays real candles (and timed
 * signals) through the real engine and the paper venue for a strategy under test, as {@code cambist backtest} does,
 * and returns a {@link io.cambist.testkit.strategy.ReplayResult} with the report and every order, order event,
 * position and snapshot, and can swap or restart the strategy object mid-run;
 * {@link io.cambist.testkit.strategy.StrategySession} steps a strategy candle by candle with the engine's services at
 * hand; {@link io.cambist.testkit.strategy.ExitOracle} states the engine's exit semantics independently;
 * {@link io.cambist.testkit.strategy.SharedData} finds {@code ../shared/data} or skips the test.
 */
package io.cambist.testkit.strategy;
