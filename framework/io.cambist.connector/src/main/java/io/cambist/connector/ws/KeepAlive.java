package io.cambist.connector.ws;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a {@link ReconnectingWebSocket} decides that its connection is alive, the venue's rules put in numbers: how long
 * silence may last, how often it is checked, how often an empty pong probes the link, whether pong frames count as a
 * sign of life, an optional age limit after which the socket is replaced without a gap, and an optional application
 * ping (a text message the venue answers).
 *
 * @param staleAfter     silence longer than this drops the connection
 * @param silence        what counts as a sign of life, for the reason, e.g. {@code message or ping}
 * @param checkDelay     milliseconds before the first silence check
 * @param checkPeriod    milliseconds between silence checks
 * @param probePeriod    milliseconds between unsolicited empty pongs
 * @param pongIsActivity whether a pong frame from the venue counts as a sign of life
 * @param maxAge         the age at which a connection is replaced (new one first), or {@code null} for never
 * @param pingPeriod     milliseconds between application pings (0: none)
 * @param ping           the next application ping message, or {@code null}
 */
public record KeepAlive(Duration staleAfter, String silence, long checkDelay, long checkPeriod, long probePeriod,
        boolean pongIsActivity, Duration maxAge, long pingPeriod, Supplier<String> ping) {

    public KeepAlive {
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive");
        }
        if (checkDelay < 0 || checkPeriod <= 0 || probePeriod <= 0 || pingPeriod < 0) {
            throw new IllegalArgumentException("keep-alive periods must be positive: check " + checkPeriod
                    + " ms, probe " + probePeriod + " ms, ping " + pingPeriod + " ms");
        }
        if ((pingPeriod > 0) != (ping != null)) {
            throw new IllegalArgumentException("an application ping needs both a period and a message");
        }
    }

    /**
     * The defaults for a venue that pings the client: silence checked every quarter of {@code staleAfter} (at least
     * every 50 ms), an empty pong every {@code min(1 s, staleAfter / 4)}, pong frames count, no age limit, no
     * application ping.
     */
    public static KeepAlive of(Duration staleAfter, String silence) {
        long quarter = Math.max(50, staleAfter.toMillis() / 4);
        long probe = Math.max(50, Math.min(1_000, staleAfter.toMillis() / 4));
        return new KeepAlive(staleAfter, silence, quarter, quarter, probe, true, null, 0, null);
    }

    /** Checks for silence first after {@code delay} ms, then every {@code period} ms. */
    public KeepAlive withChecks(long delay, long period) {
        return new KeepAlive(staleAfter, silence, delay, period, probePeriod, pongIsActivity, maxAge, pingPeriod, ping);
    }

    /** Sends an unsolicited empty pong every {@code period} ms. */
    public KeepAlive withProbe(long period) {
        return new KeepAlive(staleAfter, silence, checkDelay, checkPeriod, period, pongIsActivity, maxAge, pingPeriod,
                ping);
    }

    /** Whether pong frames from the venue count as a sign of life. */
    public KeepAlive withPongActivity(boolean counts) {
        return new KeepAlive(staleAfter, silence, checkDelay, checkPeriod, probePeriod, counts, maxAge, pingPeriod,
                ping);
    }

    /** Replaces a connection once it is this old, opening the new one before closing the old. */
    public KeepAlive withMaxAge(Duration age) {
        return new KeepAlive(staleAfter, silence, checkDelay, checkPeriod, probePeriod, pongIsActivity, age, pingPeriod,
                ping);
    }

    /** Sends {@code message.get()} every {@code period} ms while connected (the venue's answer is a sign of life). */
    public KeepAlive withPing(long period, Supplier<String> message) {
        return new KeepAlive(staleAfter, silence, checkDelay, checkPeriod, probePeriod, pongIsActivity, maxAge, period,
                message);
    }
}
