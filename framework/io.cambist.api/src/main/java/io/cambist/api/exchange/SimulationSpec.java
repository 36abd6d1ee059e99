package io.cambist.api.exchange;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to build a simulated venue account for a backtest.
 *
 * @param account   the account id the simulated venue reports
 * @param source    its market
 * @param balances  starting balances by currency
 * @param makerFee  fee rate for fills that rest first (e.g. {@code 0.001} = 0.1 %), charged in the quote currency
 * @param takerFee  fee rate for fills that take liquidity, charged in the quote currency
 */
public record SimulationSpec(String account, MarketSource source, Map<String, BigDecimal> balances, BigDecimal makerFee,
        BigDecimal takerFee) {

    public SimulationSpec {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(source, "source");
        balances = Map.copyOf(new TreeMap<>(balances));
        makerFee = makerFee == null ? BigDecimal.ZERO : makerFee;
        takerFee = takerFee == null ? BigDecimal.ZERO : takerFee;
        if (makerFee.signum() < 0 || takerFee.signum() < 0) {
            throw new IllegalArgumentException("fee rates must not be negative");
        }
    }
}
