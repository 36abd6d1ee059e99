package io.cambist.api.strategy;

import java.math.BigDecimal;

/**
 * Exits the engine enforces on a long position, evaluated on every candle and tick. Percentages are numbers of
 * percent: {@code 1.5} means 1.5 %. Any field may be {@code null} (rule off).
 *
 * @param stopLossPrice             sell everything when the price falls to this level
 * @param stopLossPercent           sell everything when the price falls this % below the average entry
 * @param takeProfitPercent         sell everything when the price rises this % above the average entry
 * @param trailingActivationPercent arm the trailing stop once the price has risen this % above the average entry
 * @param trailingCallbackPercent   once armed, sell everything when the price falls this % from the highest price
 *                                  seen since activation
 */
public record ExitRules(BigDecimal stopLossPrice, BigDecimal stopLossPercent, BigDecimal takeProfitPercent,
        BigDecimal trailingActivationPercent, BigDecimal trailingCallbackPercent) {

    /** No exits. */
    public static final ExitRules NONE = new ExitRules(null, null, null, null, null);

    /**
     * Tag prefix of the orders the engine places to exit a position: {@code exit:stopLoss}, {@code exit:takeProfit},
     * {@code exit:trailingStop}.
     */
    public static final String TAG_PREFIX = "exit:";

    /** Parameter names, shared by every strategy's configuration. */
    public static final String STOP_LOSS = "exit.stopLoss";
    public static final String STOP_LOSS_PRICE = "exit.stopLossPrice";
    public static final String TAKE_PROFIT = "exit.takeProfit";
    public static final String TRAILING_ACTIVATION = "exit.trailingActivation";
    public static final String TRAILING_CALLBACK = "exit.trailingCallback";

    public ExitRules {
        positive("exit.stopLossPrice", stopLossPrice);
        percent(STOP_LOSS, stopLossPercent, true);
        percent(TAKE_PROFIT, takeProfitPercent, false);
        percent(TRAILING_ACTIVATION, trailingActivationPercent, false);
        percent(TRAILING_CALLBACK, trailingCallbackPercent, true);
        if (trailingCallbackPercent != null && trailingActivationPercent == null) {
            trailingActivationPercent = BigDecimal.ZERO;
        }
    }

    /** Reads the {@code exit.*} parameters. */
    public static ExitRules from(Parameters parameters) {
        return new ExitRules(parameters.decimal(STOP_LOSS_PRICE, null), parameters.decimal(STOP_LOSS, null),
                parameters.decimal(TAKE_PROFIT, null), parameters.decimal(TRAILING_ACTIVATION, null),
                parameters.decimal(TRAILING_CALLBACK, null));
    }

    /**
     * The exit kind ({@code stopLoss}, {@code takeProfit}, {@code trailingStop}) of an order tag, or empty when the tag
     * is not an exit's. Strategies use it to recognise the engine's exits among their order events.
     */
    public static java.util.Optional<String> exitKind(String orderTag) {
        return orderTag != null && orderTag.startsWith(TAG_PREFIX) && orderTag.length() > TAG_PREFIX.length()
                ? java.util.Optional.of(orderTag.substring(TAG_PREFIX.length())) : java.util.Optional.empty();
    }

    /** True when no rule is set. */
    public boolean isEmpty() {
        return stopLossPrice == null && stopLossPercent == null && takeProfitPercent == null
                && trailingCallbackPercent == null;
    }

    private static void positive(String name, BigDecimal v) {
        if (v != null && v.signum() <= 0) {
            throw new IllegalArgumentException(name + " " + v.toPlainString() + " must be a positive price");
        }
    }

    private static void percent(String name, BigDecimal v, boolean below100) {
        if (v == null) {
            return;
        }
        if (v.signum() < 0 || (v.signum() == 0 && below100)) {
            throw new IllegalArgumentException(name + " " + v.toPlainString() + " must be a positive number of percent");
        }
        if (below100 && v.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException(name + " " + v.toPlainString() + " must be below 100 (percent)");
        }
    }
}
