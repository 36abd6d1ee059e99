package io.cambist.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waiting for asynchronous outcomes in tests: polls a condition until it holds or the timeout passes, then
 * fails with a message that says what was awaited. Never waits without a bound.
 */
public final class Await {

    private static final long POLL_MILLIS = 5;

    private Await() {
    }

    /**
     * Waits until the condition holds.
     *
     * @param what    what is awaited, for the failure message
     * @param timeout the longest wait
     * @throws AssertionError when the timeout passes first
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        value(what, timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /**
     * Waits until the supplier returns a value and returns it.
     *
     * @throws AssertionError when the timeout passes first
     */
    public static <T> T value(String what, Duration timeout, Supplier<Optional<T>> supplier) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                Optional<T> v = supplier.get();
                if (v.isPresent()) {
                    return v.get();
                }
                last = null;
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError error = new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            sleep(POLL_MILLIS);
        }
    }

    /**
     * Checks that the condition stays false for the whole period (for "nothing else arrives" assertions).
     *
     * @throws AssertionError as soon as the condition holds
     */
    public static void never(String what, Duration period, BooleanSupplier condition) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                throw new AssertionError("unexpected: " + what);
            }
            sleep(POLL_MILLIS);
        }
    }

    /** Sleeps, keeping the interrupt flag. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
