package io.cambist.core.internal.risk;

import java.math.BigDecimal;

import io.cambist.api.risk.OrderIntent;
import io.cambist.api.risk.RiskContext;
import io.cambist.api.risk.RiskDecision;
import io.cambist.api.risk.RiskRule;

/** Refuses an order worth more than {@code maxOrderNotional} (quote currency). */
public final class MaxOrderNotionalRule implements RiskRule {

    public static final String NAME = "max-order-notional";
    private final LimitsSource limits;

    public MaxOrderNotionalRule(LimitsSource limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        BigDecimal max = limits.limits(intent.strategyId()).maxOrderNotional();
        if (max == null) {
            return RiskDecision.ACCEPT;
        }
        BigDecimal notional = intent.notional();
        String quote = intent.request().instrument().quote();
        if (notional == null) {
            return RiskDecision.reject(NAME, "cannot value the order: no price known yet for "
                    + intent.request().instrument().symbol() + " (limit " + max.toPlainString() + " " + quote + ")");
        }
        if (notional.compareTo(max) > 0) {
            return RiskDecision.reject(NAME, "order notional " + notional.stripTrailingZeros().toPlainString() + " "
                    + quote + " above the limit " + max.toPlainString() + " " + quote);
        }
        return RiskDecision.ACCEPT;
    }
}
