package io.cambist.strategy.smacross.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One SMA cross bot: the reserved keys the core reads, and the two periods. */
@ObjectClassDefinition(id = SmaCrossStrategy.PID, name = "SMA cross bot",
        description = "Goes all in when the fast simple moving average of closes crosses above the slow one, and sells the "
                + "whole position when it crosses below. Long or flat, nothing else.")
@interface SmaCrossConfiguration {

    @AttributeDefinition(name = "Instrument", description = "The instrument to trade, BASE/QUOTE (read by the core).")
    String instrument();

    @AttributeDefinition(name = "Account", description = "The venue account to trade on (read by the core).")
    String account() default "paper";

    @AttributeDefinition(name = "Enabled", description = "False keeps the bot configured but stopped (read by the core).")
    boolean enabled() default true;

    @AttributeDefinition(name = "Fast period", description = "Candles in the fast moving average; below the slow period.",
            min = "1")
    int fast() default SmaCrossStrategy.DEFAULT_FAST;

    @AttributeDefinition(name = "Slow period", description = "Candles in the slow moving average.", min = "2",
            max = "100000")
    int slow() default SmaCrossStrategy.DEFAULT_SLOW;
}
