package io.cambist.strategy.signal.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per bot and source address, so that a flood from one sender (a leaked bot URL, a looping agent) is
 * answered 429 before any parsing, key lookup or audit write, while alerts from other senders (TradingView's own
 * addresses) keep flowing. Each bucket holds up to {@code burst} alerts and refills at {@code perMinute}; the map is
 * bounded ({@value #MAX_BUCKETS} buckets, least recently used dropped first), so random source addresses cannot grow
 * it without limit. Thread-safe.
 */
final class AlertRateLimiter {

    static final int MAX_BUCKETS = 10_000;

    /** What a call may do. */
    enum Decision {
        /** Go on. */
        ALLOWED,
        /** Refuse; the first refusal of a streak (audit it). */
        LIMITED_FIRST,
        /** Refuse; the streak goes on (count it, do not audit every one). */
        LIMITED
    }

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_BUCKETS;
        }
    };
    private int perMinute;
    private int burst;

    AlertRateLimiter(int perMinute, int burst) {
        configure(perMinute, burst);
    }

    /** New limits; {@code perMinute} 0 turns limiting off. Existing buckets keep their tokens (capped to the burst). */
    synchronized void configure(int perMinute, int burst) {
        if (perMinute < 0 || burst < 1) {
            throw new IllegalArgumentException("rate limit needs perMinute >= 0 and burst >= 1, got " + perMinute + "/"
                    + burst);
        }
        this.perMinute = perMinute;
        this.burst = burst;
    }

    synchronized Decision acquire(String bot, String source, long nowMillis) {
        if (perMinute == 0) {
            return Decision.ALLOWED;
        }
        String key = bot + '|' + (source == null ? "?" : source);
        Bucket b = buckets.get(key);
        if (b == null) {
            b = new Bucket(burst, nowMillis);
            buckets.put(key, b);
        }
        b.refill(nowMillis, perMinute, burst);
        if (b.tokens >= 1.0) {
            b.tokens -= 1.0;
            b.limited = false;
            return Decision.ALLOWED;
        }
        boolean first = !b.limited;
        b.limited = true;
        return first ? Decision.LIMITED_FIRST : Decision.LIMITED;
    }

    /** Seconds until the bucket of {@code bot} and {@code source} holds one alert again (at least 1). */
    synchronized long retryAfterSeconds(String bot, String source) {
        Bucket b = buckets.get(bot + '|' + (source == null ? "?" : source));
        if (b == null || perMinute == 0) {
            return 1;
        }
        double missing = Math.max(0, 1.0 - b.tokens);
        return Math.max(1, (long) Math.ceil(missing * 60.0 / perMinute));
    }

    synchronized int size() {
        return buckets.size();
    }

    synchronized int perMinute() {
        return perMinute;
    }

    synchronized int burst() {
        return burst;
    }

    private static final class Bucket {
        double tokens;
        long last;
        boolean limited;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.last = now;
        }

        void refill(long now, int perMinute, int burst) {
            if (now > last) {
                tokens = Math.min(burst, tokens + (now - last) * perMinute / 60_000.0);
                last = now;
            }
            tokens = Math.min(tokens, burst);
        }
    }
}
