package io.cambist.exchange.kraken.internal.ws;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.PriceLevel;
import io.cambist.exchange.kraken.internal.KrakenAdapters;
import io.cambist.exchange.kraken.internal.KrakenConstants;
import io.cambist.exchange.kraken.internal.dto.KrakenBookData;
import io.cambist.exchange.kraken.internal.dto.KrakenBookLevel;

/**
 * One symbol's order book, kept the way Kraken documents for the WebSocket v2 {@code book} channel ("Spot Websockets
 * (v2) Book Checksum"): load the snapshot, apply every level of an update in order ({@code qty} 0 removes the level),
 * truncate each side to the subscribed depth (Kraken sends no removal for levels that fall out of it), then verify
 * the CRC32 checksum of the top 10 levels. A mismatch means the book can no longer be trusted: the owner resubscribes
 * for a fresh snapshot. Not thread-safe: the owner calls it from one socket's message thread or under a lock.
 */
public final class KrakenBook {

    /** What a message did. */
    public enum Result {
        /** The book changed and its checksum matches; publish it. */
        APPLIED,
        /** The checksum does not match: the book was discarded and must be synchronised again. */
        MISMATCH,
        /** An update arrived while the book waits for a snapshot: ignored. */
        NOT_SYNCED
    }

    private final String source;
    private final Instrument instrument;
    private final String symbol;
    private final int depth;
    private final int priceDecimals;
    private final int qtyDecimals;
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private boolean live;
    private long sequence;
    private long time;
    private long expected;
    private long computed;

    public KrakenBook(String source, Instrument instrument, String symbol, int depth, int priceDecimals,
            int qtyDecimals) {
        this.source = source;
        this.instrument = instrument;
        this.symbol = symbol;
        this.depth = depth;
        this.priceDecimals = priceDecimals;
        this.qtyDecimals = qtyDecimals;
    }

    /** The v2 symbol. */
    public String symbol() {
        return symbol;
    }

    /** The instrument. */
    public Instrument instrument() {
        return instrument;
    }

    /** True once a snapshot was loaded and no checksum failed since. */
    public boolean isLive() {
        return live;
    }

    /** Discards the book until the next snapshot. */
    public void reset() {
        live = false;
        bids.clear();
        asks.clear();
    }

    /** Loads a snapshot. */
    public Result snapshot(KrakenBookData d, long now) {
        bids.clear();
        asks.clear();
        for (KrakenBookLevel l : d.bids()) {
            set(bids, l);
        }
        for (KrakenBookLevel l : d.asks()) {
            set(asks, l);
        }
        live = true;
        return finish(d, now);
    }

    /** Applies an update. */
    public Result update(KrakenBookData d, long now) {
        if (!live) {
            return Result.NOT_SYNCED;
        }
        for (KrakenBookLevel l : d.bids()) {
            set(bids, l);
        }
        for (KrakenBookLevel l : d.asks()) {
            set(asks, l);
        }
        return finish(d, now);
    }

    /** The checksum Kraken sent with the last failed message and the one computed, for the log. */
    public String mismatch() {
        return "kraken sent checksum " + expected + ", the local book gives " + computed;
    }

    private Result finish(KrakenBookData d, long now) {
        truncate(bids);
        truncate(asks);
        sequence++;
        time = KrakenAdapters.time(d.timestamp(), now);
        if (d.checksum() != null) {
            computed = checksum();
            expected = d.checksum();
            if (computed != expected) {
                reset();
                return Result.MISMATCH;
            }
        }
        return Result.APPLIED;
    }

    private static void set(TreeMap<BigDecimal, BigDecimal> side, KrakenBookLevel l) {
        if (l.price() == null || l.qty() == null) {
            throw new IllegalArgumentException("book level without price or qty");
        }
        if (l.qty().signum() == 0) {
            side.remove(l.price());
        } else {
            side.put(l.price(), l.qty());
        }
    }

    private void truncate(TreeMap<BigDecimal, BigDecimal> side) {
        while (side.size() > depth) {
            side.pollLastEntry();
        }
    }

    /** The CRC32 of the book's top 10 levels, asks (low to high) then bids (high to low), as Kraken computes it. */
    public long checksum() {
        StringBuilder text = new StringBuilder(400);
        append(text, asks);
        append(text, bids);
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private void append(StringBuilder text, TreeMap<BigDecimal, BigDecimal> side) {
        int n = 0;
        for (Iterator<Map.Entry<BigDecimal, BigDecimal>> it = side.entrySet().iterator();
                it.hasNext() && n < KrakenConstants.CHECKSUM_LEVELS; n++) {
            Map.Entry<BigDecimal, BigDecimal> e = it.next();
            appendDigits(text, e.getKey(), priceDecimals);
            appendDigits(text, e.getValue(), qtyDecimals);
        }
    }

    /**
     * {@link #digits} written straight into {@code text}: a value with at most {@code decimals} decimals whose digits
     * fit a long (every price and quantity Kraken sends) is written as the long it becomes at that scale, without the
     * string work; anything else goes through {@link #digits}. Runs 40 times per book update.
     */
    static void appendDigits(StringBuilder text, BigDecimal value, int decimals) {
        int scale = value.scale();
        if (value.signum() >= 0 && scale >= 0 && scale <= decimals && value.precision() - scale + decimals <= 18) {
            text.append(value.movePointRight(decimals).longValueExact());
        } else {
            text.append(digits(value, decimals));
        }
    }

    /**
     * A price or quantity as the checksum writes it: with the pair's precision ({@code 0.1} at 8 decimals is
     * {@code 0.10000000}), without the decimal point, without leading zeros ({@code 10000000}).
     */
    public static String digits(BigDecimal value, int decimals) {
        BigDecimal stripped = value.stripTrailingZeros();
        BigDecimal scaled = stripped.scale() <= decimals ? value.setScale(decimals, RoundingMode.UNNECESSARY) : stripped;
        String plain = scaled.toPlainString();
        StringBuilder out = new StringBuilder(plain.length());
        boolean leading = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '.' || (leading && c == '0')) {
                continue;
            }
            leading = false;
            out.append(c);
        }
        return out.length() == 0 ? "0" : out.toString();
    }

    /** The book as published to the core. */
    public OrderBook view() {
        return new OrderBook(source, instrument, sequence, top(bids), top(asks), time);
    }

    private List<PriceLevel> top(TreeMap<BigDecimal, BigDecimal> side) {
        List<PriceLevel> out = new ArrayList<>(Math.min(depth, side.size()));
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            out.add(new PriceLevel(e.getKey(), e.getValue()));
        }
        return out;
    }
}
