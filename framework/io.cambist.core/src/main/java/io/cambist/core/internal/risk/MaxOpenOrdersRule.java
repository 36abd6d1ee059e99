package io.cambist.core.internal.risk;

import io.cambist.api.risk.OrderIntent;
import io.cambist.api.risk.RiskContext;
import io.cambist.api.risk.RiskDecision;
import io.cambist.api.risk.RiskRule;

/** Refuses a new order when the instance already has {@code maxOpenOrders} open. */
public final class MaxOpenOrdersRule implements RiskRule {

    public static final String NAME = "max-open-orders";
    private final LimitsSource limits;

    public MaxOpenOrdersRule(LimitsSource limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        Integer max = limits.limits(intent.strategyId()).maxOpenOrders();
        if (max == null) {
            return RiskDecision.ACCEPT;
        }
        int open = context.openOrders(intent.strategyId());
        if (open >= max) {
            return RiskDecision.reject(NAME, open + " orders already open, the limit is " + max);
        }
        return RiskDecision.ACCEPT;
    }
}
