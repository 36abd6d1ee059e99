package io.cambist.core.internal.risk;

import java.math.BigDecimal;

import io.cambist.api.model.Side;
import io.cambist.api.portfolio.Position;
import io.cambist.api.risk.OrderIntent;
import io.cambist.api.risk.RiskContext;
import io.cambist.api.risk.RiskDecision;
import io.cambist.api.risk.RiskRule;

/**
 * Halts an instance whose realized loss since 00:00 UTC (fees included) has reached {@code dailyLossLimit}. Orders
 * that reduce its position still pass, so exits and closing a position are never blocked.
 */
public final class DailyLossRule implements RiskRule {

    public static final String NAME = "daily-loss-limit";
    private final LimitsSource limits;

    public DailyLossRule(LimitsSource limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        if (intent.strategyId() == null) {
            return RiskDecision.ACCEPT;
        }
        BigDecimal limit = limits.limits(intent.strategyId()).dailyLossLimit();
        if (limit == null) {
            return RiskDecision.ACCEPT;
        }
        BigDecimal today = context.realizedPnlToday(intent.strategyId());
        if (today.negate().compareTo(limit) < 0) {
            return RiskDecision.ACCEPT;
        }
        Position position = context.strategyPosition(intent.strategyId()).orElse(null);
        if (position != null && reduces(position.quantity(), intent.request().side())) {
            return RiskDecision.ACCEPT;
        }
        String quote = intent.request().instrument().quote();
        return new RiskDecision.Halt(NAME, "realized loss today " + today.negate().stripTrailingZeros().toPlainString()
                + " " + quote + " reached the limit " + limit.toPlainString() + " " + quote);
    }

    private static boolean reduces(BigDecimal held, Side side) {
        return (held.signum() > 0 && side == Side.SELL) || (held.signum() < 0 && side == Side.BUY);
    }
}
