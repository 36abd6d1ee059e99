package io.cambist.core.internal.risk;

/** The limits in force for an instance (global configuration plus its {@code risk.*} overrides). */
@FunctionalInterface
public interface LimitsSource {

    /** @param strategyId the instance, or {@code null} for an operator's order */
    RiskLimits limits(String strategyId);
}
