package io.cambist.api.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.cambist.api.exchange.MarketSource;
import io.cambist.api.strategy.Signal;

/**
 * What to backtest.
 *
 * @param strategyType the strategy type, e.g. {@code smacross}
 * @param source       the market (a candle file, candles in memory, or a synthetic market)
 * @param parameters   the strategy's parameters, as in its configuration
 * @param balances     starting balances by currency; when empty, 1 unit of the quote currency
 * @param makerFee     maker fee rate (e.g. {@code 0.001})
 * @param takerFee     taker fee rate
 * @param signals      timed external signals to feed the strategy (signal bots), in time order; may be empty
 */
public record BacktestRequest(String strategyType, MarketSource source, Map<String, String> parameters,
        Map<String, BigDecimal> balances, BigDecimal makerFee, BigDecimal takerFee, List<Signal> signals) {

    public BacktestRequest {
        Objects.requireNonNull(strategyType, "strategyType");
        Objects.requireNonNull(source, "source");
        parameters = parameters == null ? Map.of() : Map.copyOf(new TreeMap<>(parameters));
        balances = balances == null ? Map.of() : Map.copyOf(new TreeMap<>(balances));
        makerFee = makerFee == null ? BigDecimal.ZERO : makerFee;
        takerFee = takerFee == null ? BigDecimal.ZERO : takerFee;
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
