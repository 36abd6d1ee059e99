package io.cambist.api.backtest;

import java.math.BigDecimal;

/**
 * Summary statistics of a backtest. Ratios are fractions ({@code 0.05} = 5 %).
 *
 * @param totalReturn  final equity / starting equity − 1
 * @param maxDrawdown  largest peak-to-trough fall of equity, as a fraction of the peak
 * @param sharpeRatio  mean / standard deviation of per-candle equity returns, annualised by √(candles per year);
 *                     0 when undefined
 * @param winRate      winning round trips / round trips (a round trip ends when the position returns to flat); 0 with
 *                     none
 * @param tradeCount   number of fills
 * @param roundTrips   number of completed round trips
 * @param fees         fees paid, quote currency
 */
public record BacktestMetrics(BigDecimal totalReturn, BigDecimal maxDrawdown, BigDecimal sharpeRatio, BigDecimal winRate,
        int tradeCount, int roundTrips, BigDecimal fees) {
}
