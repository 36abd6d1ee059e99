package io.cambist.strategy.grid.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One grid bot: the reserved keys the core reads and the grid's own parameters. */
@ObjectClassDefinition(id = GridStrategy.PID, name = "Grid bot",
        description = "Keeps buy limits below the market and sell limits above it on a ladder of prices between two "
                + "bounds; when one fills it places the opposite order one level away, so each completed buy-sell pair "
                + "earns one grid step.")
@interface GridConfiguration {

    @AttributeDefinition(name = "Instrument", description = "The instrument to trade, BASE/QUOTE (read by the core).")
    String instrument();

    @AttributeDefinition(name = "Account", description = "The venue account to trade on (read by the core).")
    String account() default "paper";

    @AttributeDefinition(name = "Enabled", description = "False keeps the bot configured but stopped (read by the core).")
    boolean enabled() default true;

    @AttributeDefinition(name = "Lower bound", description = "The lowest grid price (quote currency).")
    String lower();

    @AttributeDefinition(name = "Upper bound",
            description = "The highest grid price (quote currency); above the lower bound.")
    String upper();

    @AttributeDefinition(name = "Levels", description = "Number of prices from the lower to the upper bound, both "
            + "included (2 to 500); levels - 1 orders work at a time.", min = "2", max = "500")
    int levels() default GridSettings.DEFAULT_LEVELS;

    @AttributeDefinition(name = "Spacing", description = "arithmetic: equal price steps; geometric: equal percentage steps.",
            options = {@Option(label = "Arithmetic", value = "arithmetic"),
                @Option(label = "Geometric", value = "geometric")})
    String spacing() default "arithmetic";

    @AttributeDefinition(name = "Order size", required = false,
            description = "Base quantity of every grid order. Give this or the order quote amount.")
    String orderSize();

    @AttributeDefinition(name = "Order quote amount", required = false,
            description = "Quote amount of every grid buy (quantity = amount / level price). Give this or the order size.")
    String orderQuote();

    @AttributeDefinition(name = "Stop loss price", required = false,
            description = "When a candle trades at or below this price (below the lower bound), the bot cancels its "
                    + "orders, sells its position and stops.")
    String stopLoss();

    @AttributeDefinition(name = "Take profit price", required = false,
            description = "When a candle trades at or above this price (above the upper bound), the bot cancels its "
                    + "orders, sells its position and stops.")
    String takeProfit();
}
