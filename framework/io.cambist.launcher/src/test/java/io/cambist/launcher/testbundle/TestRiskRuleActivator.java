package io.cambist.launcher.testbundle;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import io.cambist.api.risk.RiskRule;

/** Registers {@link TestRiskRule} while the test bundle is active. */
public final class TestRiskRuleActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(RiskRule.class, new TestRiskRule(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
