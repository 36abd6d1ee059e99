package io.cambist.exchange.kraken.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Kraken's REST rate limit as Kraken models it: every private call adds its cost to a counter (1, 2 for trade
 * history, 0 for AddOrder and CancelOrder, which the trading engine limits per pair), the counter decays at a steady
 * rate, and a call that would take it past the tier's maximum is refused with {@code EAPI:Rate limit exceeded}.
 * The connector keeps its own copy of the counter so it waits before the limit instead of hitting it, and opens a
 * breaker when Kraken (or a proxy in front of it) answers HTTP 429.
 */
public final class ApiCounter {

    private final double max;
    private final double decayPerMilli;
    private final LongSupplier clock;
    private double level;
    private long at;
    private long blockedUntil;
    private String blockReason;

    public ApiCounter(double max, double decayPerSecond, LongSupplier clock) {
        this.max = max;
        this.decayPerMilli = decayPerSecond / 1000.0;
        this.clock = clock;
        this.at = clock.getAsLong();
    }

    /** How long to wait before a call of this cost fits under the limit, milliseconds (0: now). */
    public synchronized long waitMillis(int cost) {
        long now = clock.getAsLong();
        decay(now);
        long blocked = Math.max(0, blockedUntil - now);
        double excess = level + cost - max;
        long decayWait = excess <= 0 ? 0 : (long) Math.ceil(excess / decayPerMilli);
        return Math.max(blocked, decayWait);
    }

    /** Adds a call's cost. */
    public synchronized void spend(int cost) {
        decay(clock.getAsLong());
        level += cost;
    }

    /** Kraken said {@code EAPI:Rate limit exceeded}: its counter is at the maximum whatever ours says. */
    public synchronized void exceeded() {
        decay(clock.getAsLong());
        level = Math.max(level, max);
    }

    /** Opens the breaker after HTTP 429 for the given wait. */
    public synchronized void block(Duration wait, String reason) {
        long until = clock.getAsLong() + wait.toMillis();
        if (until > blockedUntil) {
            blockedUntil = until;
            blockReason = reason;
        }
    }

    /** Why calls are held back now, for messages. */
    public synchronized String describe(int cost) {
        long now = clock.getAsLong();
        decay(now);
        if (now < blockedUntil) {
            return "kraken requests are paused until " + Instant.ofEpochMilli(blockedUntil) + " (" + blockReason + ")";
        }
        return String.format(Locale.ROOT, "kraken API counter at %.2f of %.0f", level, max);
    }

    /** The counter now. */
    public synchronized double level() {
        decay(clock.getAsLong());
        return level;
    }

    private void decay(long now) {
        if (now > at) {
            level = Math.max(0, level - (now - at) * decayPerMilli);
            at = now;
        }
    }
}
