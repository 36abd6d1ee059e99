package io.cambist.exchange.binance.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

import io.cambist.api.exchange.RateLimitException;

/**
 * Keeps the connector under Binance's REQUEST_WEIGHT limit. Tracks the weight Binance reports in
 * {@code X-MBX-USED-WEIGHT-1M}, refuses requests locally once the next one would pass the back-off threshold in the
 * current minute, and opens a circuit breaker on HTTP 429/418 that refuses everything until {@code Retry-After} has
 * passed. Refusals are {@link RateLimitException}s with the wait, so callers can retry on time.
 */
public final class RequestWeightLimiter {

    private final LongSupplier clock;
    private final double backoffAt;
    private int limit;
    private long minute = -1;
    private int used;
    private long blockedUntil;
    private String blockReason;

    public RequestWeightLimiter(int limit, double backoffAt, LongSupplier clock) {
        this.limit = limit;
        this.backoffAt = backoffAt;
        this.clock = clock;
    }

    /** Adopts the venue's own per-minute weight limit from exchangeInfo. */
    public synchronized void setLimit(int newLimit) {
        if (newLimit > 0) {
            this.limit = newLimit;
        }
    }

    /** The per-minute weight limit in force. */
    public synchronized int limit() {
        return limit;
    }

    /**
     * Reserves the weight of a request about to be sent.
     *
     * @throws RateLimitException when the breaker is open or the request would pass the back-off threshold
     */
    public synchronized void acquire(int weight) {
        long now = clock.getAsLong();
        if (now < blockedUntil) {
            throw new RateLimitException("binance requests are paused until " + Instant.ofEpochMilli(blockedUntil)
                    + " (" + blockReason + ")", null, Duration.ofMillis(blockedUntil - now));
        }
        long m = now / 60_000;
        if (m != minute) {
            minute = m;
            used = 0;
        }
        if (used + weight > limit * backoffAt) {
            long wait = (m + 1) * 60_000 - now;
            throw new RateLimitException("binance request weight " + used + " of " + limit
                    + " is used this minute; backing off for " + (wait + 999) / 1000 + " s before the limit is reached",
                    null, Duration.ofMillis(wait));
        }
        used += weight;
    }

    /** Records the used weight Binance reported for the current minute. */
    public synchronized void reported(int usedWeight) {
        long m = clock.getAsLong() / 60_000;
        if (m != minute) {
            minute = m;
        }
        used = usedWeight;
    }

    /** Opens the breaker after a 429 or 418 for the given wait. */
    public synchronized void trip(int httpStatus, Duration retryAfter) {
        long until = clock.getAsLong() + retryAfter.toMillis();
        if (until > blockedUntil) {
            blockedUntil = until;
            blockReason = httpStatus == 418 ? "IP banned by binance, HTTP 418" : "rate limited by binance, HTTP " + httpStatus;
        }
    }

    /** When the breaker closes, epoch milliseconds (in the past when it is closed). */
    public synchronized long blockedUntil() {
        return blockedUntil;
    }

    /** Why the breaker is open, for the connection status. */
    public synchronized String blockReason() {
        return blockReason;
    }

    /** Weight used in the current minute, as far as known. */
    public synchronized int used() {
        return minute == clock.getAsLong() / 60_000 ? used : 0;
    }
}
