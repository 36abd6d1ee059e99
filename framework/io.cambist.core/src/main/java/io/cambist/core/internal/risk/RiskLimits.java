package io.cambist.core.internal.risk;

import java.math.BigDecimal;

import io.cambist.api.strategy.Parameters;

/**
 * The limits of the core's risk rules; {@code null} means off.
 *
 * @param maxOrderNotional largest order value, quote currency
 * @param maxPosition      largest position, base quantity (absolute)
 * @param maxOpenOrders    most open orders at once
 * @param dailyLossLimit   realized loss since 00:00 UTC (a positive amount, quote currency) that halts the instance
 */
public record RiskLimits(BigDecimal maxOrderNotional, BigDecimal maxPosition, Integer maxOpenOrders,
        BigDecimal dailyLossLimit) {

    /** Every rule off. */
    public static final RiskLimits NONE = new RiskLimits(null, null, null, null);

    /** Per-instance configuration keys. */
    public static final String MAX_ORDER_NOTIONAL = "risk.maxOrderNotional";
    public static final String MAX_POSITION = "risk.maxPosition";
    public static final String MAX_OPEN_ORDERS = "risk.maxOpenOrders";
    public static final String DAILY_LOSS_LIMIT = "risk.dailyLossLimit";

    public RiskLimits {
        maxOrderNotional = offWhenZero(maxOrderNotional, MAX_ORDER_NOTIONAL);
        maxPosition = offWhenZero(maxPosition, MAX_POSITION);
        dailyLossLimit = offWhenZero(dailyLossLimit, DAILY_LOSS_LIMIT);
        if (maxOpenOrders != null && maxOpenOrders < 0) {
            throw new IllegalArgumentException(MAX_OPEN_ORDERS + " " + maxOpenOrders + " must be 0 (off) or more");
        }
        if (maxOpenOrders != null && maxOpenOrders == 0) {
            maxOpenOrders = null;
        }
    }

    private static BigDecimal offWhenZero(BigDecimal v, String name) {
        if (v == null) {
            return null;
        }
        if (v.signum() < 0) {
            throw new IllegalArgumentException(name + " " + v.toPlainString() + " must be 0 (off) or positive");
        }
        return v.signum() == 0 ? null : v;
    }

    /**
     * These limits with an instance's {@code risk.*} parameters on top: a parameter that is set replaces the global
     * value ({@code 0} turns the rule off for the instance).
     */
    public RiskLimits overriddenBy(Parameters p) {
        if (p == null) {
            return this;
        }
        BigDecimal notional = p.has(MAX_ORDER_NOTIONAL) ? p.decimal(MAX_ORDER_NOTIONAL) : maxOrderNotional;
        BigDecimal position = p.has(MAX_POSITION) ? p.decimal(MAX_POSITION) : maxPosition;
        Integer open = p.has(MAX_OPEN_ORDERS) ? Integer.valueOf(p.integer(MAX_OPEN_ORDERS, 0)) : maxOpenOrders;
        BigDecimal loss = p.has(DAILY_LOSS_LIMIT) ? p.decimal(DAILY_LOSS_LIMIT) : dailyLossLimit;
        return new RiskLimits(notional, position, open, loss);
    }
}
