package io.cambist.benchmarks.connectors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Captured-style Binance spot streams, generated from a seed: a BTCUSDT order book (tick 0.01, prices near 30,000)
 * as a {@code GET /api/v3/depth} snapshot, then its diff depth stream ({@code btcusdt@depth@100ms} in combined-stream
 * envelopes) with consecutive update ids, and trade, kline and bookTicker messages, in the exact layout Binance sends
 * (the connector's payload fixtures). The book model changes levels near the top most often, removes about as many
 * as it adds, never crosses, and moves its mid as levels at the top come and go.
 */
public final class BinanceStreams {

    /** A recorded order book stream: the REST snapshot and the diff events that follow it. */
    public record DepthStream(String snapshot, List<String> diffs, long levelChanges) {
    }

    private static final String SYMBOL = "BTCUSDT";

    private BinanceStreams() {
    }

    /**
     * A snapshot of {@code levels} levels per side and {@code events} diff events of 1 to {@code maxChanges} level
     * changes each (uniformly), as Binance's 100 ms diff stream for a busy symbol.
     */
    public static DepthStream depth(long seed, int levels, int events, int maxChanges) {
        SplittableRandom r = new SplittableRandom(seed);
        TreeMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        TreeMap<Long, Long> asks = new TreeMap<>();
        long bid = 3_000_000;
        long ask = 3_000_001;
        for (int i = 0; i < levels; i++) {
            bids.put(bid, quantity(r));
            asks.put(ask, quantity(r));
            bid -= 1 + r.nextInt(3);
            ask += 1 + r.nextInt(3);
        }
        long lastUpdateId = 1_027_024;
        String snapshot = "{\"lastUpdateId\":" + lastUpdateId + ",\"bids\":" + levels(bids) + ",\"asks\":"
                + levels(asks) + "}";
        List<String> diffs = new ArrayList<>(events);
        long id = lastUpdateId;
        long time = 1_672_515_782_136L;
        long changes = 0;
        for (int e = 0; e < events; e++) {
            int n = 1 + r.nextInt(maxChanges);
            Map<Long, Long> b = new LinkedHashMap<>();
            Map<Long, Long> a = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                boolean buySide = r.nextBoolean();
                change(r, buySide ? bids : asks, buySide ? asks : bids, buySide, buySide ? b : a, levels);
            }
            changes += b.size() + a.size();
            long first = id + 1;
            id += b.size() + a.size();
            time += 100;
            diffs.add("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + time
                    + ",\"s\":\"" + SYMBOL + "\",\"U\":" + first + ",\"u\":" + id + ",\"b\":" + levels(b) + ",\"a\":"
                    + levels(a) + "}}");
        }
        return new DepthStream(snapshot, diffs, changes);
    }

    /** One level change on {@code side}: a new quantity, a removal or a new level, mostly near the top. */
    private static void change(SplittableRandom r, NavigableMap<Long, Long> side, NavigableMap<Long, Long> other,
            boolean bidSide, Map<Long, Long> out, int levels) {
        double action = r.nextDouble();
        if (action < 0.40 || (action < 0.65 && side.size() < levels / 2)) {
            long price = nth(side, rank(r, side.size()));
            long q = quantity(r);
            side.put(price, q);
            out.put(price, q);
        } else if (action < 0.65) {
            long price = nth(side, rank(r, side.size()));
            side.remove(price);
            out.put(price, 0L);
        } else {
            long best = side.firstKey();
            long opposite = other.firstKey();
            long offset = rank(r, 40) - 2; // up to two ticks better than the best, mostly a few ticks behind it
            long price = bidSide ? Math.min(best - offset, opposite - 1) : Math.max(best + offset, opposite + 1);
            long q = quantity(r);
            side.put(price, q);
            out.put(price, q);
        }
    }

    /** A level's rank, geometric with a mean of about 8, below {@code size}. */
    private static int rank(SplittableRandom r, int size) {
        int k = (int) (-Math.log(1 - r.nextDouble()) * 8);
        return Math.min(k, size - 1);
    }

    private static long nth(NavigableMap<Long, Long> side, int n) {
        int i = 0;
        for (long k : side.keySet()) {
            if (i++ == n) {
                return k;
            }
        }
        return side.lastKey();
    }

    /** A quantity in satoshis: 0.00001 to about 5 BTC. */
    private static long quantity(SplittableRandom r) {
        return 1000 + (long) (-Math.log(1 - r.nextDouble()) * 50_000_000);
    }

    private static String levels(Map<Long, Long> side) {
        StringBuilder s = new StringBuilder(side.size() * 34 + 2).append('[');
        for (Map.Entry<Long, Long> e : side.entrySet()) {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append("[\"").append(decimal(e.getKey(), 2, 8)).append("\",\"").append(decimal(e.getValue(), 8, 8))
                    .append("\"]");
        }
        return s.append(']').toString();
    }

    /** {@code units} of 10^-scale written with {@code digits} decimals, as Binance writes prices and quantities. */
    static String decimal(long units, int scale, int digits) {
        StringBuilder s = new StringBuilder(24);
        long whole = units;
        long div = 1;
        for (int i = 0; i < scale; i++) {
            div *= 10;
        }
        s.append(whole / div).append('.');
        String frac = Long.toString(whole % div);
        for (int i = frac.length(); i < scale; i++) {
            s.append('0');
        }
        s.append(frac);
        for (int i = scale; i < digits; i++) {
            s.append('0');
        }
        return s.toString();
    }

    /** {@code count} public trade messages ({@code btcusdt@trade}) with consecutive trade ids. */
    public static List<String> trades(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        long price = 3_000_000;
        long time = 1_672_515_782_136L;
        for (int i = 0; i < count; i++) {
            price += r.nextInt(5) - 2;
            time += r.nextInt(20);
            out.add("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + (time + 1) + ",\"s\":\"" + SYMBOL
                    + "\",\"t\":" + (12_345 + i) + ",\"p\":\"" + decimal(price, 2, 8) + "\",\"q\":\""
                    + decimal(quantity(r) / 10, 8, 8) + "\",\"T\":" + time + ",\"m\":" + r.nextBoolean()
                    + ",\"M\":true}}");
        }
        return out;
    }

    /** {@code count} best bid/offer messages ({@code btcusdt@bookTicker}). */
    public static List<String> bookTickers(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        long bid = 3_000_000;
        for (int i = 0; i < count; i++) {
            bid += r.nextInt(5) - 2;
            out.add("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":" + (400_900_217L + i) + ",\"s\":\"" + SYMBOL
                    + "\",\"b\":\"" + decimal(bid, 2, 8) + "\",\"B\":\"" + decimal(quantity(r), 8, 8) + "\",\"a\":\""
                    + decimal(bid + 1 + r.nextInt(3), 2, 8) + "\",\"A\":\"" + decimal(quantity(r), 8, 8) + "\"}}");
        }
        return out;
    }

    /** {@code count} kline messages ({@code btcusdt@kline_1m}), every tenth one closing its candle. */
    public static List<String> klines(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        long open = 3_000_000;
        long start = 1_672_515_780_000L;
        for (int i = 0; i < count; i++) {
            long close = open + r.nextInt(201) - 100;
            long high = Math.max(open, close) + r.nextInt(50);
            long low = Math.min(open, close) - r.nextInt(50);
            boolean closed = i % 10 == 9;
            out.add("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + (start + 2000) + ",\"s\":\""
                    + SYMBOL + "\",\"k\":{\"t\":" + start + ",\"T\":" + (start + 59_999) + ",\"s\":\"" + SYMBOL
                    + "\",\"i\":\"1m\",\"f\":" + (100 + i * 100) + ",\"L\":" + (199 + i * 100) + ",\"o\":\""
                    + decimal(open, 2, 8) + "\",\"c\":\"" + decimal(close, 2, 8) + "\",\"h\":\"" + decimal(high, 2, 8)
                    + "\",\"l\":\"" + decimal(low, 2, 8) + "\",\"v\":\"" + decimal(quantity(r) * 100, 8, 8)
                    + "\",\"n\":100,\"x\":" + closed + ",\"q\":\"" + decimal(quantity(r) * 3, 2, 8) + "\",\"V\":\""
                    + decimal(quantity(r) * 50, 8, 8) + "\",\"Q\":\"" + decimal(quantity(r), 2, 8)
                    + "\",\"B\":\"0\"}}}");
            if (closed) {
                open = close;
                start += 60_000;
            }
        }
        return out;
    }
}
