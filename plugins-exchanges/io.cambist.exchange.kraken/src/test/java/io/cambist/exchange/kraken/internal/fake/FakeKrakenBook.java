package io.cambist.exchange.kraken.internal.fake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The fake venue's order book for one pair: synthetic liquidity plus the account's resting orders per price level,
 * the visible window at a subscription depth, the level diff between two windows the way Kraken's v2 book channel
 * sends it (changed and new levels, qty 0 for deleted ones, nothing for levels pushed out of the depth), and Kraken's
 * CRC32 checksum of the top 10 levels, written independently of the connector's as an oracle.
 */
final class FakeKrakenBook {

    static final int PRICE_DECIMALS = 5;
    static final int QTY_DECIMALS = 8;

    static final class Level {
        BigDecimal synthetic = BigDecimal.ZERO;
        final List<FakeKrakenEngine.Order> own = new ArrayList<>();

        BigDecimal total() {
            BigDecimal t = synthetic;
            for (FakeKrakenEngine.Order o : own) {
                t = t.add(o.vol.subtract(o.volExec));
            }
            return t;
        }
    }

    /** The top levels of both sides at one depth: price to quantity, best first. */
    record Window(Map<BigDecimal, BigDecimal> bids, Map<BigDecimal, BigDecimal> asks) {
    }

    final TreeMap<BigDecimal, Level> bids = new TreeMap<>(Collections.reverseOrder());
    final TreeMap<BigDecimal, Level> asks = new TreeMap<>();

    Level level(boolean bid, BigDecimal price) {
        return (bid ? bids : asks).computeIfAbsent(price(price), p -> new Level());
    }

    /** Drops a level that holds nothing. */
    void prune(boolean bid, BigDecimal price) {
        TreeMap<BigDecimal, Level> side = bid ? bids : asks;
        Level l = side.get(price(price));
        if (l != null && l.total().signum() == 0) {
            side.remove(price(price));
        }
    }

    static BigDecimal price(BigDecimal p) {
        return p.setScale(PRICE_DECIMALS, RoundingMode.UNNECESSARY);
    }

    static BigDecimal qty(BigDecimal q) {
        return q.setScale(QTY_DECIMALS, RoundingMode.DOWN);
    }

    Window window(int depth) {
        return new Window(top(bids, depth), top(asks, depth));
    }

    private static Map<BigDecimal, BigDecimal> top(TreeMap<BigDecimal, Level> side, int depth) {
        Map<BigDecimal, BigDecimal> out = new LinkedHashMap<>();
        for (Map.Entry<BigDecimal, Level> e : side.entrySet()) {
            if (out.size() == depth) {
                break;
            }
            out.put(e.getKey(), qty(e.getValue().total()));
        }
        return out;
    }

    /** Writes the changes from {@code before} to {@code after} of one side; false when nothing changed. */
    boolean diff(ArrayNode out, Map<BigDecimal, BigDecimal> before, Map<BigDecimal, BigDecimal> after,
            TreeMap<BigDecimal, Level> side) {
        boolean any = false;
        for (Map.Entry<BigDecimal, BigDecimal> e : before.entrySet()) {
            if (!after.containsKey(e.getKey()) && !side.containsKey(e.getKey())) {
                out.addObject().put("price", e.getKey()).put("qty", qty(BigDecimal.ZERO));
                any = true;
            }
        }
        for (Map.Entry<BigDecimal, BigDecimal> e : after.entrySet()) {
            BigDecimal old = before.get(e.getKey());
            if (old == null || old.compareTo(e.getValue()) != 0) {
                out.addObject().put("price", e.getKey()).put("qty", e.getValue());
                any = true;
            }
        }
        return any;
    }

    static void levels(ArrayNode out, Map<BigDecimal, BigDecimal> side) {
        side.forEach((p, q) -> out.addObject().put("price", p).put("qty", q));
    }

    /** Kraken's book checksum over the window's top 10 asks (low to high) then bids (high to low). */
    static long checksum(Window w) {
        StringBuilder s = new StringBuilder();
        append(s, w.asks());
        append(s, w.bids());
        CRC32 crc = new CRC32();
        crc.update(s.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private static void append(StringBuilder s, Map<BigDecimal, BigDecimal> side) {
        side.entrySet().stream().limit(10).forEach(e -> s.append(strip(e.getKey().setScale(PRICE_DECIMALS)))
                .append(strip(e.getValue().setScale(QTY_DECIMALS))));
    }

    private static String strip(BigDecimal v) {
        return v.toPlainString().replace(".", "").replaceFirst("^0+", "");
    }
}
