package io.cambist.connector;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential growth from an initial delay by a factor, capped, each spread by a random jitter so
 * that many clients do not reconnect in step.
 */
public final class Backoff {

    private final long initial;
    private final long max;
    private final double factor;
    private final double jitter;
    private final DoubleSupplier random;

    /**
     * @param initial the delay before the first retry
     * @param max     the longest delay before jitter
     * @param factor  growth per failed attempt (1 or more)
     * @param jitter  the fraction by which each delay is spread, up or down (0 to 1)
     * @param random  uniform values in [0, 1)
     */
    public Backoff(Duration initial, Duration max, double factor, double jitter, DoubleSupplier random) {
        this.initial = initial.toMillis();
        this.max = max.toMillis();
        this.factor = factor;
        this.jitter = jitter;
        this.random = random;
    }

    /**
     * The delay before attempt {@code attempt}, in milliseconds: {@code initial * factor^attempt} capped at the
     * maximum, then spread by up to {@code jitter} of itself either way; never negative, never above
     * {@code max * (1 + jitter)}.
     *
     * @param attempt 0 for the first retry
     */
    public long delayMillis(int attempt) {
        double base = Math.min((double) max, initial * Math.pow(factor, Math.min(attempt, 64)));
        double spread = base * jitter * (2 * random.getAsDouble() - 1);
        return Math.max(0, Math.round(Math.min(max * (1 + jitter), base + spread)));
    }
}
