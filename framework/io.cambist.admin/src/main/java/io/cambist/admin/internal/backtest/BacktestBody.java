package io.cambist.admin.internal.backtest;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * The body of {@code POST /backtests}.
 *
 * @param strategy   the strategy type (alias {@code type})
 * @param instrument BASE/QUOTE
 * @param candles    a candle file on the server (JSON arrays or CSV); relative paths are resolved in the
 *                   distribution directory
 * @param timeframe  the candle width of the file, e.g. {@code 5m}; inferred when absent
 * @param synthetic  a seeded synthetic market instead of a file
 * @param parameters the strategy's parameters
 * @param balances   starting balances by currency (default: 1 of the quote currency)
 * @param fee        maker and taker fee rate, e.g. 0.001
 * @param makerFee   maker fee rate (overrides {@code fee})
 * @param takerFee   taker fee rate (overrides {@code fee})
 */
public record BacktestBody(@JsonAlias("type") String strategy, String instrument, String candles, String timeframe,
        Synthetic synthetic, Map<String, Object> parameters, Map<String, BigDecimal> balances, BigDecimal fee,
        BigDecimal makerFee, BigDecimal takerFee) {

    /**
     * A synthetic market.
     *
     * @param seed              random seed (default 1)
     * @param startPrice        first price
     * @param volatilityPercent per-candle volatility in percent (default 0.5)
     * @param count             number of candles, 1 to 10,000,000
     * @param timeframe         candle width (default 1m)
     * @param startTime         first open time, epoch ms (default 1700000000000)
     */
    public record Synthetic(Long seed, BigDecimal startPrice, BigDecimal volatilityPercent, Long count, String timeframe,
            Long startTime) {
    }
}
