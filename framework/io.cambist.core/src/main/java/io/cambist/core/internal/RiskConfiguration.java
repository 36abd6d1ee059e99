package io.cambist.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cambist risk limits", description = "Global limits of the core's risk rules. Each"
        + " strategy instance can override them with risk.maxOrderNotional, risk.maxPosition, risk.maxOpenOrders and"
        + " risk.dailyLossLimit in its configuration. 0 or empty means off.")
@interface RiskConfiguration {

    @AttributeDefinition(name = "Max order notional", description = "Largest order value in the instrument's quote"
            + " currency (rule max-order-notional).")
    String maxOrderNotional() default "";

    @AttributeDefinition(name = "Max position", description = "Largest position per instrument, in base units"
            + " (rule max-position).")
    String maxPosition() default "";

    @AttributeDefinition(name = "Max open orders", description = "Most open orders per instance (rule max-open-orders).",
            min = "0")
    int maxOpenOrders() default 0;

    @AttributeDefinition(name = "Daily loss limit", description = "Realized loss since 00:00 UTC, in the quote"
            + " currency, that halts an instance (rule daily-loss-limit).")
    String dailyLossLimit() default "";
}
