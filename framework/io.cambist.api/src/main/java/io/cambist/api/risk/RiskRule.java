package io.cambist.api.risk;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A pre-trade check, registered as a service. Rules are called on the submitting instance's thread and must be fast
 * and side-effect free.
 */
@ConsumerType
public interface RiskRule {

    /** A short, stable name shown in rejection reasons, e.g. {@code max-order-notional}. */
    String name();

    /** Decides on one order intent. */
    RiskDecision check(OrderIntent intent, RiskContext context);
}
