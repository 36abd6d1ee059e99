package io.cambist.strategy.grid.internal;

import java.math.BigDecimal;

import io.cambist.api.strategy.Parameters;

/**
 * A grid bot's parameters, checked, with messages that say what to fix.
 *
 * @param lower      lowest grid price
 * @param upper      highest grid price
 * @param levels     number of prices, bounds included
 * @param spacing    arithmetic or geometric
 * @param orderSize  base quantity per order, or {@code null}
 * @param orderQuote quote amount per buy, or {@code null}
 * @param stopLoss   price at or below which everything is closed, or {@code null}
 * @param takeProfit price at or above which everything is closed, or {@code null}
 */
record GridSettings(BigDecimal lower, BigDecimal upper, int levels, Spacing spacing, BigDecimal orderSize,
        BigDecimal orderQuote, BigDecimal stopLoss, BigDecimal takeProfit) {

    static final int DEFAULT_LEVELS = 10;
    static final int MAX_LEVELS = 500;

    static GridSettings from(Parameters p) {
        BigDecimal lower = p.decimal("lower");
        BigDecimal upper = p.decimal("upper");
        if (lower.signum() <= 0) {
            throw new IllegalArgumentException("lower bound " + lower.toPlainString() + " must be a positive price");
        }
        if (upper.compareTo(lower) <= 0) {
            throw new IllegalArgumentException("upper bound " + upper.toPlainString() + " must be above lower bound "
                    + lower.toPlainString());
        }
        int levels = p.integer("levels", DEFAULT_LEVELS);
        if (levels < 2 || levels > MAX_LEVELS) {
            throw new IllegalArgumentException("levels " + levels + " must be between 2 and " + MAX_LEVELS
                    + " (the number of grid prices, both bounds included)");
        }
        Spacing spacing = p.enumValue("spacing", Spacing.class, Spacing.ARITHMETIC);
        BigDecimal size = p.decimal("orderSize", null);
        BigDecimal quote = p.decimal("orderQuote", null);
        if (size != null && quote != null) {
            throw new IllegalArgumentException("give orderSize (base quantity per order) or orderQuote (quote amount per "
                    + "order), not both");
        }
        if (size == null && quote == null) {
            throw new IllegalArgumentException("one of orderSize (base quantity per order) or orderQuote (quote amount per "
                    + "order) is required");
        }
        if (size != null && size.signum() <= 0) {
            throw new IllegalArgumentException("orderSize " + size.toPlainString() + " must be positive");
        }
        if (quote != null && quote.signum() <= 0) {
            throw new IllegalArgumentException("orderQuote " + quote.toPlainString() + " must be positive");
        }
        BigDecimal stop = p.decimal("stopLoss", null);
        BigDecimal take = p.decimal("takeProfit", null);
        if (stop != null && (stop.signum() <= 0 || stop.compareTo(lower) >= 0)) {
            throw new IllegalArgumentException("stopLoss " + stop.toPlainString() + " must be a positive price below the "
                    + "lower bound " + lower.toPlainString());
        }
        if (take != null && take.compareTo(upper) <= 0) {
            throw new IllegalArgumentException("takeProfit " + take.toPlainString() + " must be a price above the upper "
                    + "bound " + upper.toPlainString());
        }
        return new GridSettings(lower, upper, levels, spacing, size, quote, stop, take);
    }
}
