package io.cambist.strategy.dca.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cambist.api.strategy.Parameters;

/**
 * A DCA bot's parameters, checked, with messages that say what to fix. Percentages are numbers of percent.
 *
 * @param mode             recurring or safety
 * @param baseOrderQuote   quote amount of a recurring buy or of a cycle's base order
 * @param interval         recurring: time between buys
 * @param safetyOrderQuote safety: quote amount of the first safety order
 * @param maxSafetyOrders  safety: number of safety orders
 * @param priceDeviation   safety: % below the entry of the first safety order
 * @param stepScale        safety: factor between consecutive deviation steps
 * @param volumeScale      safety: factor between consecutive safety order sizes
 * @param takeProfit       safety: % above the average entry of the take profit
 * @param stopLoss         safety: % below the average entry that closes the cycle and stops the bot, or {@code null}
 * @param ignored          parameters set but not used by the mode
 */
record DcaSettings(Mode mode, BigDecimal baseOrderQuote, Duration interval, BigDecimal safetyOrderQuote,
        int maxSafetyOrders, BigDecimal priceDeviation, BigDecimal stepScale, BigDecimal volumeScale,
        BigDecimal takeProfit, BigDecimal stopLoss, List<String> ignored) {

    static final int DEFAULT_SAFETY_ORDERS = 5;
    static final int MAX_SAFETY_ORDERS = 100;
    static final List<String> SAFETY_ONLY = List.of("safetyOrderQuote", "maxSafetyOrders", "priceDeviation", "stepScale",
            "volumeScale", "takeProfit", "stopLoss");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static DcaSettings from(Parameters p) {
        Mode mode = p.enumValue("mode", Mode.class, Mode.SAFETY);
        BigDecimal base = positive(p, "baseOrderQuote", p.decimal("baseOrderQuote"));
        List<String> ignored = new ArrayList<>();
        if (mode == Mode.RECURRING) {
            Duration interval = p.duration("interval", Duration.ofDays(1));
            if (interval.isNegative() || interval.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("interval " + interval + " must be at least one minute (PT1M)");
            }
            for (String k : SAFETY_ONLY) {
                if (p.has(k)) {
                    ignored.add(k);
                }
            }
            return new DcaSettings(mode, base, interval, null, 0, null, null, null, null, null, ignored);
        }
        BigDecimal safety = positive(p, "safetyOrderQuote", p.decimal("safetyOrderQuote", base));
        int count = p.integer("maxSafetyOrders", DEFAULT_SAFETY_ORDERS);
        if (count < 0 || count > MAX_SAFETY_ORDERS) {
            throw new IllegalArgumentException("maxSafetyOrders " + count + " must be between 0 and " + MAX_SAFETY_ORDERS);
        }
        BigDecimal deviation = positive(p, "priceDeviation", p.decimal("priceDeviation", BigDecimal.ONE));
        BigDecimal step = positive(p, "stepScale", p.decimal("stepScale", BigDecimal.ONE));
        BigDecimal volume = positive(p, "volumeScale", p.decimal("volumeScale", BigDecimal.ONE));
        BigDecimal take = positive(p, "takeProfit", p.decimal("takeProfit", new BigDecimal("1.5")));
        BigDecimal stop = p.decimal("stopLoss", null);
        if (stop != null && (stop.signum() <= 0 || stop.compareTo(HUNDRED) >= 0)) {
            throw new IllegalArgumentException("stopLoss " + stop.toPlainString() + " must be between 0 and 100 (percent "
                    + "below the average entry)");
        }
        if (p.has("interval")) {
            ignored.add("interval");
        }
        DcaSettings s = new DcaSettings(mode, base, null, safety, count, deviation, step, volume, take, stop, ignored);
        if (count > 0) {
            BigDecimal deepest = SafetyPlan.deviation(s, count);
            if (deepest.compareTo(HUNDRED) >= 0) {
                throw new IllegalArgumentException("maxSafetyOrders " + count + " with priceDeviation "
                        + deviation.toPlainString() + " and stepScale " + step.toPlainString()
                        + " puts the last safety order "
                        + deepest.stripTrailingZeros().toPlainString() + " % below the entry: it must stay below 100 %; "
                        + "lower one of them");
            }
        }
        return s;
    }

    private static BigDecimal positive(Parameters p, String name, BigDecimal v) {
        if (v.signum() <= 0) {
            throw new IllegalArgumentException(name + " " + v.toPlainString() + " must be positive");
        }
        return v;
    }
}
