package io.cambist.strategy.dca.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One DCA bot: the reserved keys the core reads and the bot's own parameters. Percentages are numbers of percent. */
@ObjectClassDefinition(id = DcaStrategy.PID, name = "DCA bot",
        description = "Dollar-cost averaging. recurring: buys a fixed quote amount every interval. safety: a base order, "
                + "then safety orders further down with growing sizes, and one take-profit order above the average entry "
                + "that follows it; a new cycle starts when the take profit fills.")
@interface DcaConfiguration {

    @AttributeDefinition(name = "Instrument", description = "The instrument to trade, BASE/QUOTE (read by the core).")
    String instrument();

    @AttributeDefinition(name = "Account", description = "The venue account to trade on (read by the core).")
    String account() default "paper";

    @AttributeDefinition(name = "Enabled", description = "False keeps the bot configured but stopped (read by the core).")
    boolean enabled() default true;

    @AttributeDefinition(name = "Mode", description = "recurring or safety.",
            options = {@Option(label = "Recurring buys", value = "recurring"),
                @Option(label = "Base order, safety orders and take profit", value = "safety")})
    String mode() default "safety";

    @AttributeDefinition(name = "Base order quote amount", description = "Quote amount of each recurring buy, or of the "
            + "market buy that opens a cycle.")
    String baseOrderQuote();

    @AttributeDefinition(name = "Interval", required = false, description = "recurring: time between buys, ISO-8601 "
            + "(PT1H, P1D, P7D); measured on the candle clock, so backtests buy on schedule too.")
    String interval() default "P1D";

    @AttributeDefinition(name = "Safety order quote amount", required = false,
            description = "safety: quote amount of the first safety order (default: the base order's).")
    String safetyOrderQuote();

    @AttributeDefinition(name = "Max safety orders", description = "safety: number of safety orders (0 to 100).",
            min = "0", max = "100")
    int maxSafetyOrders() default DcaSettings.DEFAULT_SAFETY_ORDERS;

    @AttributeDefinition(name = "Price deviation %", description = "safety: how far below the entry the first safety "
            + "order sits; each next one a further step of this times the step scale.")
    String priceDeviation() default "1";

    @AttributeDefinition(name = "Step scale", description = "safety: each step between safety orders is this many times "
            + "the previous one (1 = equal steps).")
    String stepScale() default "1";

    @AttributeDefinition(name = "Volume scale", description = "safety: each safety order is this many times the size of "
            + "the previous one (1 = equal sizes).")
    String volumeScale() default "1";

    @AttributeDefinition(name = "Take profit %", description = "safety: the take-profit sell sits this far above the "
            + "average entry and is moved whenever the average changes.")
    String takeProfit() default "1.5";

    @AttributeDefinition(name = "Stop loss %", required = false, description = "safety: when a candle trades this far "
            + "below the average entry, the bot sells the position, cancels its orders and stops.")
    String stopLoss();
}
