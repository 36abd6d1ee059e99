package io.cambist.api.backtest;

import java.math.BigDecimal;

import io.cambist.api.model.Side;

/**
 * One fill in a backtest.
 *
 * @param time     fill time, epoch milliseconds
 * @param side     buy or sell
 * @param price    fill price
 * @param quantity base quantity
 * @param fee      fee, quote currency
 * @param tag      the order's tag (e.g. {@code exit:stopLoss}), or {@code null}
 */
public record BacktestTrade(long time, Side side, BigDecimal price, BigDecimal quantity, BigDecimal fee, String tag) {
}
