package io.cambist.benchmarks.connectors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Captured-style Kraken WebSocket v2 messages, generated from a seed: a BTC/USD {@code book} channel (price precision
 * 1, quantity precision 8, subscribed depth 25) as a snapshot and then updates of one to three levels, each with the
 * CRC32 checksum Kraken sends, and {@code ticker}, {@code trade} and {@code ohlc} updates, in the layout of the
 * connector's payload fixtures. The generator keeps a deeper book than the subscriber sees and, like Kraken, sends
 * the level that slides into view when one inside it is removed. The checksum is computed here from the generator's
 * own book (prices and quantities as integers of their precision, asks then bids, top 10), independently of the
 * connector's code, so a benchmark that checks every result also checks the two agree.
 */
public final class KrakenStreams {

    /** A recorded book channel: the snapshot message and the update messages that follow it. */
    public record BookStream(String snapshot, List<String> updates, long levelChanges) {
    }

    /** The subscribed book depth (the connector's default). */
    public static final int DEPTH = 25;
    /** The v2 symbol. */
    public static final String SYMBOL = "BTC/USD";
    public static final int PRICE_DECIMALS = 1;
    public static final int QTY_DECIMALS = 8;
    private static final int DEEP = 200;

    private KrakenStreams() {
    }

    /** A snapshot and {@code updates} update messages. */
    public static BookStream book(long seed, int updates) {
        SplittableRandom r = new SplittableRandom(seed);
        TreeMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        TreeMap<Long, Long> asks = new TreeMap<>();
        long bid = 452_835;
        long ask = 452_852;
        for (int i = 0; i < DEEP; i++) {
            bids.put(bid, quantity(r));
            asks.put(ask, quantity(r));
            bid -= 1 + r.nextInt(4);
            ask += 1 + r.nextInt(4);
        }
        long micros = 1_696_613_755_440_295L;
        String snapshot = "{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"" + SYMBOL
                + "\",\"bids\":" + top(bids) + ",\"asks\":" + top(asks) + ",\"checksum\":" + checksum(bids, asks)
                + "}]}";
        List<String> out = new ArrayList<>(updates);
        long changes = 0;
        for (int u = 0; u < updates; u++) {
            int n = 1 + (r.nextDouble() < 0.3 ? 1 : 0) + (r.nextDouble() < 0.1 ? 1 : 0);
            List<long[]> b = new ArrayList<>();
            List<long[]> a = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                boolean bidSide = r.nextBoolean();
                change(r, bidSide ? bids : asks, bidSide ? asks : bids, bidSide, bidSide ? b : a);
            }
            changes += b.size() + a.size();
            micros += 1 + r.nextInt(200_000);
            out.add("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"" + SYMBOL + "\",\"bids\":"
                    + levels(b) + ",\"asks\":" + levels(a) + ",\"checksum\":" + checksum(bids, asks)
                    + ",\"timestamp\":\"" + time(micros) + "\"}]}");
        }
        return new BookStream(snapshot, out, changes);
    }

    private static void change(SplittableRandom r, NavigableMap<Long, Long> side, NavigableMap<Long, Long> other,
            boolean bidSide, List<long[]> out) {
        double action = r.nextDouble();
        if (action < 0.45) {
            long price = nth(side, rank(r));
            long q = quantity(r);
            side.put(price, q);
            out.add(new long[] {price, q});
        } else if (action < 0.70) {
            long price = nth(side, rank(r));
            side.remove(price);
            out.add(new long[] {price, 0});
            long entering = nth(side, DEPTH - 1);
            out.add(new long[] {entering, side.get(entering)});
        } else {
            long best = side.firstKey();
            long opposite = other.firstKey();
            long offset = rank(r) - 2;
            long price = bidSide ? Math.min(best - offset, opposite - 1) : Math.max(best + offset, opposite + 1);
            long q = quantity(r);
            side.put(price, q);
            out.add(new long[] {price, q});
        }
        while (side.size() < DEEP) { // replenish beyond the subscriber's view: nothing to send
            long last = side.lastKey();
            side.put(bidSide ? last - 1 - r.nextInt(4) : last + 1 + r.nextInt(4), quantity(r));
        }
    }

    /** A rank inside the subscribed depth, geometric with a mean of about 5. */
    private static int rank(SplittableRandom r) {
        return Math.min((int) (-Math.log(1 - r.nextDouble()) * 5), DEPTH - 1);
    }

    private static long nth(NavigableMap<Long, Long> side, int n) {
        Iterator<Long> it = side.keySet().iterator();
        long k = it.next();
        for (int i = 0; i < n; i++) {
            k = it.next();
        }
        return k;
    }

    /** A quantity in units of 10^-8: 0.00001 to about 5. */
    private static long quantity(SplittableRandom r) {
        return 1000 + (long) (-Math.log(1 - r.nextDouble()) * 50_000_000);
    }

    /**
     * Kraken's book checksum: the top 10 asks (lowest first) then the top 10 bids (highest first), each level as its
     * price then its quantity written with the pair's precision without the decimal point and leading zeros (which for
     * integers of the precision is just the integer), CRC32 of the concatenation.
     */
    static long checksum(NavigableMap<Long, Long> bids, NavigableMap<Long, Long> asks) {
        StringBuilder s = new StringBuilder(400);
        for (NavigableMap<Long, Long> side : List.of(asks, bids)) {
            int n = 0;
            for (var e : side.entrySet()) {
                if (n++ == 10) {
                    break;
                }
                s.append(e.getKey()).append(e.getValue());
            }
        }
        CRC32 crc = new CRC32();
        crc.update(s.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private static String top(NavigableMap<Long, Long> side) {
        List<long[]> levels = new ArrayList<>(DEPTH);
        for (var e : side.entrySet()) {
            if (levels.size() == DEPTH) {
                break;
            }
            levels.add(new long[] {e.getKey(), e.getValue()});
        }
        return levels(levels);
    }

    private static String levels(List<long[]> levels) {
        StringBuilder s = new StringBuilder(levels.size() * 40 + 2).append('[');
        for (long[] l : levels) {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append("{\"price\":").append(BinanceStreams.decimal(l[0], PRICE_DECIMALS, PRICE_DECIMALS))
                    .append(",\"qty\":").append(l[1] == 0 ? "0" : BinanceStreams.decimal(l[1], QTY_DECIMALS,
                            QTY_DECIMALS)).append('}');
        }
        return s.append(']').toString();
    }

    private static String time(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString();
    }

    /** {@code count} ticker updates for ETH/BTC. */
    public static List<String> tickers(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        long bid = 5209;
        long micros = 1_696_613_755_440_295L;
        for (int i = 0; i < count; i++) {
            bid += r.nextInt(5) - 2;
            micros += r.nextInt(1_000_000);
            out.add("{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"ETH/BTC\",\"bid\":"
                    + BinanceStreams.decimal(bid, 5, 5) + ",\"bid_qty\":" + BinanceStreams.decimal(quantity(r), 8, 8)
                    + ",\"ask\":" + BinanceStreams.decimal(bid + 1, 5, 5) + ",\"ask_qty\":"
                    + BinanceStreams.decimal(quantity(r), 8, 8) + ",\"last\":" + BinanceStreams.decimal(bid, 5, 5)
                    + ",\"volume\":" + BinanceStreams.decimal(quantity(r) * 300, 8, 8) + ",\"vwap\":"
                    + BinanceStreams.decimal(bid - 11, 5, 5) + ",\"low\":" + BinanceStreams.decimal(bid - 108, 5, 5)
                    + ",\"high\":" + BinanceStreams.decimal(bid + 53, 5, 5) + ",\"change\":0.00073,\"change_pct\":1.42"
                    + ",\"timestamp\":\"" + time(micros) + "\"}]}");
        }
        return out;
    }

    /** {@code count} trade updates for ETH/BTC, one or two trades each. */
    public static List<String> trades(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        long price = 5209;
        long id = 4_665_906;
        long micros = 1_696_613_755_440_295L;
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder(
                    "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[");
            int n = r.nextDouble() < 0.3 ? 2 : 1;
            for (int k = 0; k < n; k++) {
                price += r.nextInt(3) - 1;
                micros += r.nextInt(300_000);
                boolean buy = r.nextBoolean();
                s.append(k == 0 ? "" : ",").append("{\"symbol\":\"ETH/BTC\",\"side\":\"").append(buy ? "buy" : "sell")
                        .append("\",\"price\":").append(BinanceStreams.decimal(price, 5, 5)).append(",\"qty\":")
                        .append(BinanceStreams.decimal(quantity(r), 8, 8)).append(",\"ord_type\":\"")
                        .append(buy ? "limit" : "market").append("\",\"trade_id\":").append(id++)
                        .append(",\"timestamp\":\"").append(time(micros)).append("\"}");
            }
            out.add(s.append("]}").toString());
        }
        return out;
    }

    /** {@code count} ohlc updates (1-minute candles) for ETH/BTC. */
    public static List<String> ohlcs(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        long open = 5212;
        long begin = 1_696_436_820L;
        for (int i = 0; i < count; i++) {
            long close = open + r.nextInt(9) - 4;
            long high = Math.max(open, close) + r.nextInt(3);
            long low = Math.min(open, close) - r.nextInt(3);
            out.add("{\"channel\":\"ohlc\",\"type\":\"update\",\"timestamp\":\"" + Instant.ofEpochSecond(begin + 1)
                    + "\",\"data\":[{\"symbol\":\"ETH/BTC\",\"open\":" + BinanceStreams.decimal(open, 5, 5)
                    + ",\"high\":" + BinanceStreams.decimal(high, 5, 5)
                    + ",\"low\":" + BinanceStreams.decimal(low, 5, 5)
                    + ",\"close\":" + BinanceStreams.decimal(close, 5, 5) + ",\"trades\":" + (1 + r.nextInt(50))
                    + ",\"volume\":" + BinanceStreams.decimal(quantity(r), 8, 8) + ",\"vwap\":"
                    + BinanceStreams.decimal(open, 5, 5) + ",\"interval_begin\":\"" + Instant.ofEpochSecond(begin)
                    + "\",\"interval\":1,\"timestamp\":\"" + Instant.ofEpochSecond(begin + 60) + "\"}]}");
            if (i % 10 == 9) {
                open = close;
                begin += 60;
            }
        }
        return out;
    }
}
