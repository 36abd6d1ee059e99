package io.cambist.api.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.cambist.api.model.Instrument;

/**
 * The result of a backtest. The same request always gives an equal report.
 *
 * @param strategyType     the strategy type
 * @param instrument       the instrument
 * @param parameters       the parameters used
 * @param candles          number of candles replayed
 * @param startTime        open time of the first candle
 * @param endTime          close time of the last candle
 * @param startingBalances balances at the start
 * @param finalBalances    balances at the end
 * @param startingEquity   equity at the start, quote currency (valued at the first candle's open)
 * @param finalEquity      quote balance + base position × last close
 * @param trades           every fill, in time order
 * @param metrics          summary statistics
 * @param equityCurve      equity at each candle close (at most a few thousand points: evenly sampled on long runs,
 *                         always including the last)
 * @param failure          the strategy's failure reason if it failed during the run, else {@code null}
 */
public record BacktestReport(String strategyType, Instrument instrument, Map<String, String> parameters, long candles,
        long startTime, long endTime, Map<String, BigDecimal> startingBalances, Map<String, BigDecimal> finalBalances,
        BigDecimal startingEquity, BigDecimal finalEquity, List<BacktestTrade> trades, BacktestMetrics metrics,
        List<EquityPoint> equityCurve, String failure) {

    public BacktestReport {
        trades = List.copyOf(trades);
        equityCurve = List.copyOf(equityCurve);
    }
}
