package io.cambist.api.backtest;

import java.math.BigDecimal;

/**
 * Equity and price at the close of one candle.
 *
 * @param time   candle close time, epoch milliseconds
 * @param price  the candle's close
 * @param equity account equity in the quote currency
 */
public record EquityPoint(long time, BigDecimal price, BigDecimal equity) {
}
