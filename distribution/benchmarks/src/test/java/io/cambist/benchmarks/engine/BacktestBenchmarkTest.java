package io.cambist.benchmarks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.exchange.MarketSource;
import io.cambist.core.internal.backtest.Backtester;

class BacktestBenchmarkTest {

    @Test
    void theBenchmarkedPathTradesTheRealCandlesLikeTheReferenceStrategy() {
        assumeTrue(Markets.sharedData() != null, "../shared/data is absent: the real candles cannot be read");
        MarketSource source = new MarketSource.Candles(Markets.ETH_BTC, Markets.shared("ETH_BTC-5m.json",
                Markets.ETH_BTC));
        BigDecimal fee = new BigDecimal("0.001");
        BacktestReport report = BacktestBenchmark.run(BacktestBenchmark.venue(source, Map.of("BTC", BigDecimal.ONE),
                fee), source, "smacross", fee);
        // the same 276 fills as the engine's test oracle on this file (docs/engine.md)
        assertThat(report.candles()).isEqualTo(5760);
        assertThat(report.trades()).hasSize(276);
        assertThat(report.failure()).isNull();
    }

    @Test
    void twoCyclesTradeTwiceAsOftenWithoutFees() {
        assumeTrue(Markets.sharedData() != null, "../shared/data is absent: the real candles cannot be read");
        var real = Markets.shared("ETH_BTC-5m.json", Markets.ETH_BTC);
        MarketSource two = new MarketSource.Candles(Markets.ETH_BTC, Markets.cycle(real, real.size() * 2));
        BacktestReport report = BacktestBenchmark.run(BacktestBenchmark.venue(two, BacktestBenchmark.balances(two),
                BigDecimal.ZERO), two, "smacross", BigDecimal.ZERO);
        assertThat(report.candles()).isEqualTo(real.size() * 2L);
        assertThat(report.trades()).hasSize(552);
        assertThat(report.finalEquity()).isPositive();
    }

    @Test
    void theIdleStrategyReceivesEveryCandleAndTradesNothing() {
        MarketSource synthetic = Markets.synthetic(5000);
        IdleStrategy idle = new IdleStrategy();
        BacktestReport report = Backtester.run(BacktestBenchmark.venue(synthetic, BacktestBenchmark.balances(synthetic),
                BigDecimal.ZERO), "idle", () -> idle, new BacktestRequest("idle", synthetic, Map.of(), Map.of(),
                BigDecimal.ZERO, BigDecimal.ZERO, List.of()), null);
        assertThat(report.candles()).isEqualTo(5000);
        assertThat(idle.candles()).isEqualTo(5000);
        assertThat(report.trades()).isEmpty();
        assertThat(report.finalEquity()).isEqualByComparingTo("10000");
    }
}
