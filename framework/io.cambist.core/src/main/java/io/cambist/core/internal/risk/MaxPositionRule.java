package io.cambist.core.internal.risk;

import java.math.BigDecimal;
import java.math.MathContext;

import io.cambist.api.model.Side;
import io.cambist.api.portfolio.Position;
import io.cambist.api.risk.OrderIntent;
import io.cambist.api.risk.RiskContext;
import io.cambist.api.risk.RiskDecision;
import io.cambist.api.risk.RiskRule;

/**
 * Refuses an order that would take the position (the instance's, or the account's for an operator's order) beyond
 * {@code maxPosition} base units in either direction. Orders that reduce the position always pass.
 */
public final class MaxPositionRule implements RiskRule {

    public static final String NAME = "max-position";
    private final LimitsSource limits;

    public MaxPositionRule(LimitsSource limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        BigDecimal max = limits.limits(intent.strategyId()).maxPosition();
        if (max == null) {
            return RiskDecision.ACCEPT;
        }
        var request = intent.request();
        BigDecimal quantity = request.quantity();
        if (quantity == null) {
            if (intent.referencePrice() == null || intent.referencePrice().signum() == 0) {
                return RiskDecision.reject(NAME, "cannot size the order: no price known yet for "
                        + request.instrument().symbol());
            }
            quantity = request.quoteQuantity().divide(intent.referencePrice(), MathContext.DECIMAL64);
        }
        Position position = (intent.strategyId() != null ? context.strategyPosition(intent.strategyId())
                : context.accountPosition(intent.account(), request.instrument())).orElse(null);
        BigDecimal held = position == null ? BigDecimal.ZERO : position.quantity();
        BigDecimal after = request.side() == Side.BUY ? held.add(quantity) : held.subtract(quantity);
        if (after.abs().compareTo(held.abs()) <= 0) {
            return RiskDecision.ACCEPT;
        }
        if (after.abs().compareTo(max) > 0) {
            return RiskDecision.reject(NAME, "position would be " + after.stripTrailingZeros().toPlainString() + " "
                    + request.instrument().base() + ", beyond the limit " + max.toPlainString() + " "
                    + request.instrument().base());
        }
        return RiskDecision.ACCEPT;
    }
}
