package io.cambist.launcher.testbundle;

import io.cambist.api.risk.OrderIntent;
import io.cambist.api.risk.RiskContext;
import io.cambist.api.risk.RiskDecision;
import io.cambist.api.risk.RiskRule;

/** Packaged into a test bundle: a service implementing an API interface, to prove the shared class space. */
public final class TestRiskRule implements RiskRule {

    @Override
    public String name() {
        return "launcher-test";
    }

    @Override
    public RiskDecision check(OrderIntent intent, RiskContext context) {
        return RiskDecision.ACCEPT;
    }
}
