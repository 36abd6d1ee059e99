package io.cambist.strategy.dca.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import io.cambist.api.model.InstrumentSpec;

/**
 * Where and how big the safety orders of a cycle are. Safety order {@code k} (1-based) sits
 * {@code priceDeviation × (1 + s + s² + ... + s^(k-1))} % below the base order's fill price ({@code s} = step scale),
 * rounded down to the tick, and spends {@code safetyOrderQuote × v^(k-1)} of quote ({@code v} = volume scale).
 */
final class SafetyPlan {

    static final MathContext MC = MathContext.DECIMAL64;
    /** Quantities are kept to this many decimals when the venue sets no step size. */
    static final int QUANTITY_SCALE = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SafetyPlan() {
    }

    /** The total deviation of safety order {@code k} below the entry, in percent. */
    static BigDecimal deviation(DcaSettings s, int k) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal step = s.priceDeviation();
        for (int i = 1; i <= k; i++) {
            sum = sum.add(step, MC);
            step = step.multiply(s.stepScale(), MC);
        }
        return sum;
    }

    /** The limit price of safety order {@code k}. */
    static BigDecimal price(DcaSettings s, int k, BigDecimal entry, InstrumentSpec spec) {
        BigDecimal p = entry.multiply(HUNDRED.subtract(deviation(s, k)), MC).divide(HUNDRED, MC);
        return spec.tickSize().signum() > 0 ? spec.roundPriceDown(p) : p.stripTrailingZeros();
    }

    /** The quote amount of safety order {@code k}. */
    static BigDecimal quote(DcaSettings s, int k) {
        return s.safetyOrderQuote().multiply(s.volumeScale().pow(k - 1, MC), MC);
    }

    /** The base quantity of safety order {@code k} at its price. */
    static BigDecimal quantity(DcaSettings s, int k, BigDecimal price, InstrumentSpec spec) {
        BigDecimal q = quote(s, k).divide(price, QUANTITY_SCALE + 10, RoundingMode.DOWN);
        q = spec.stepSize().signum() > 0 ? spec.roundQuantityDown(q) : q.setScale(QUANTITY_SCALE, RoundingMode.DOWN);
        return q.signum() == 0 ? BigDecimal.ZERO : q.stripTrailingZeros();
    }

    /** The take-profit price: {@code takeProfit} % above the average entry, rounded up to the tick. */
    static BigDecimal takeProfit(DcaSettings s, BigDecimal average, InstrumentSpec spec) {
        BigDecimal p = average.multiply(HUNDRED.add(s.takeProfit()), MC).divide(HUNDRED, MC);
        return spec.tickSize().signum() > 0 ? spec.roundPriceUp(p) : p.stripTrailingZeros();
    }

    /** The stop-loss level: {@code stopLoss} % below the average entry. */
    static BigDecimal stopLoss(DcaSettings s, BigDecimal average) {
        return average.multiply(HUNDRED.subtract(s.stopLoss()), MC).divide(HUNDRED, MC);
    }
}
