package io.cambist.exchange.kraken.internal.ws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cambist.exchange.kraken.internal.KrakenAdapters;
import io.cambist.exchange.kraken.internal.dto.KrakenOhlc;

/**
 * Turns Kraken's ohlc stream into closed candles. Kraken repeats the current candle with every trade and never marks
 * one as closed; a candle is complete when an update for a later interval arrives. After a reconnect, the snapshot's
 * candles between the last one published and the current one were missed and are published then, once each.
 */
final class CandleCloser {

    /**
     * What a message did.
     *
     * @param closed candles now complete, oldest first
     * @param stale  true when an update was older than the current candle (skipped)
     */
    record Outcome(List<KrakenOhlc> closed, boolean stale) {
        static final Outcome NONE = new Outcome(List.of(), false);
    }

    private final Map<String, KrakenOhlc> current = new HashMap<>();
    private final Map<String, Long> lastClosed = new HashMap<>();

    /** The snapshot sent on subscription: recent candles, the last one still open. */
    synchronized Outcome snapshot(String key, List<KrakenOhlc> candles) {
        if (candles.isEmpty()) {
            return Outcome.NONE;
        }
        List<KrakenOhlc> sorted = new ArrayList<>(candles);
        sorted.sort(Comparator.comparingLong(CandleCloser::begin));
        KrakenOhlc open = sorted.get(sorted.size() - 1);
        List<KrakenOhlc> closed = new ArrayList<>();
        Long last = lastClosed.get(key);
        if (last != null) {
            for (KrakenOhlc c : sorted) {
                if (begin(c) > last && begin(c) < begin(open)) {
                    closed.add(c);
                }
            }
            if (!closed.isEmpty()) {
                lastClosed.put(key, begin(closed.get(closed.size() - 1)));
            }
        }
        current.put(key, open);
        return new Outcome(closed, false);
    }

    /** An update of the current candle, or the first of the next interval (which closes the current one). */
    synchronized Outcome update(String key, KrakenOhlc c) {
        KrakenOhlc cur = current.get(key);
        if (cur == null || begin(c) == begin(cur)) {
            current.put(key, c);
            return Outcome.NONE;
        }
        if (begin(c) < begin(cur)) {
            return new Outcome(List.of(), true);
        }
        current.put(key, c);
        Long last = lastClosed.get(key);
        if (last != null && begin(cur) <= last) {
            return Outcome.NONE;
        }
        lastClosed.put(key, begin(cur));
        return new Outcome(List.of(cur), false);
    }

    /** Stops following a stream (its next subscription starts fresh). */
    synchronized void forget(String key) {
        current.remove(key);
        lastClosed.remove(key);
    }

    private static long begin(KrakenOhlc c) {
        if (c.intervalBegin() == null) {
            throw new IllegalArgumentException("ohlc entry without interval_begin");
        }
        long t = KrakenAdapters.time(c.intervalBegin(), Long.MIN_VALUE);
        if (t == Long.MIN_VALUE) {
            throw new IllegalArgumentException("ohlc interval_begin '" + c.intervalBegin() + "' is not an RFC 3339 time");
        }
        return t;
    }
}
