package io.cambist.exchange.binance.internal.ws;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.PriceLevel;
import io.cambist.exchange.binance.internal.dto.BinanceDepth;
import io.cambist.exchange.binance.internal.dto.BinanceDepthUpdate;

/**
 * One symbol's order book, kept with Binance's documented algorithm (web-socket-streams.md, "How to manage a local
 * order book correctly"): buffer the diff events, load a REST snapshot, drop buffered events with
 * {@code u <= lastUpdateId}, require the first remaining one to cover {@code lastUpdateId + 1}, then apply events in
 * order, ignoring stale ones ({@code u <= book id}) and starting over on a gap ({@code U > book id + 1}).
 * Not thread-safe: the owner calls it from one socket's message thread or under its own lock.
 */
public final class LocalOrderBook {

    /** What an event or snapshot did. */
    public enum Result {
        /** The book changed; publish it. */
        APPLIED,
        /** Held until a snapshot arrives. */
        BUFFERED,
        /** Older than the book: ignored. */
        STALE,
        /** Events are missing: the book was discarded and must be synchronised again (fetch a snapshot). */
        GAP,
        /** The snapshot is older than the buffered events: fetch another one. */
        SNAPSHOT_TOO_OLD,
        /** A snapshot for an earlier synchronisation round: ignored. */
        IGNORED
    }

    private static final int MAX_BUFFER = 10_000;

    private final String source;
    private final Instrument instrument;
    private final String symbol;
    private final int depth;
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final ArrayDeque<BinanceDepthUpdate> buffer = new ArrayDeque<>();
    private boolean live;
    private long updateId;
    private long time;
    private int generation;

    public LocalOrderBook(String source, Instrument instrument, String symbol, int depth) {
        this.source = source;
        this.instrument = instrument;
        this.symbol = symbol;
        this.depth = depth;
    }

    /** Discards the book and starts buffering for a new snapshot; returns the round's number for the snapshot. */
    public int startSync() {
        live = false;
        buffer.clear();
        bids.clear();
        asks.clear();
        return ++generation;
    }

    /** The current synchronisation round. */
    public int generation() {
        return generation;
    }

    /** True once a snapshot was applied and no gap was seen since. */
    public boolean isLive() {
        return live;
    }

    /** The update id of the book. */
    public long updateId() {
        return updateId;
    }

    /** The venue symbol. */
    public String symbol() {
        return symbol;
    }

    /** The instrument. */
    public Instrument instrument() {
        return instrument;
    }

    /** Offers a diff event. */
    public Result onDiff(BinanceDepthUpdate e) {
        if (!live) {
            if (buffer.size() >= MAX_BUFFER) {
                buffer.poll();
            }
            buffer.add(e);
            return Result.BUFFERED;
        }
        if (e.lastUpdateId() <= updateId) {
            return Result.STALE;
        }
        if (e.firstUpdateId() > updateId + 1) {
            startSync();
            buffer.add(e);
            return Result.GAP;
        }
        apply(e);
        return crossed() ? gap() : Result.APPLIED;
    }

    /** Offers a snapshot fetched for synchronisation round {@code round}. */
    public Result onSnapshot(int round, BinanceDepth snapshot) {
        if (live || round != generation) {
            return Result.IGNORED;
        }
        long last = snapshot.lastUpdateId();
        for (Iterator<BinanceDepthUpdate> it = buffer.iterator(); it.hasNext();) {
            if (it.next().lastUpdateId() <= last) {
                it.remove();
            }
        }
        BinanceDepthUpdate first = buffer.peek();
        if (first != null && first.firstUpdateId() > last + 1) {
            return Result.SNAPSHOT_TOO_OLD;
        }
        bids.clear();
        asks.clear();
        load(bids, snapshot.bids());
        load(asks, snapshot.asks());
        updateId = last;
        live = true;
        List<BinanceDepthUpdate> pending = new ArrayList<>(buffer);
        buffer.clear();
        for (BinanceDepthUpdate e : pending) {
            Result r = onDiff(e);
            if (r == Result.GAP) {
                return Result.GAP;
            }
        }
        return crossed() ? gap() : Result.APPLIED;
    }

    private Result gap() {
        startSync();
        return Result.GAP;
    }

    private void apply(BinanceDepthUpdate e) {
        set(bids, e.bids());
        set(asks, e.asks());
        updateId = e.lastUpdateId();
        time = e.eventTime();
    }

    private static void load(TreeMap<BigDecimal, BigDecimal> side, List<List<BigDecimal>> levels) {
        for (List<BigDecimal> l : levels) {
            if (l.get(1).signum() > 0) {
                side.put(l.get(0), l.get(1));
            }
        }
    }

    private static void set(TreeMap<BigDecimal, BigDecimal> side, List<List<BigDecimal>> levels) {
        for (List<BigDecimal> l : levels) {
            if (l.get(1).signum() == 0) {
                side.remove(l.get(0));
            } else {
                side.put(l.get(0), l.get(1));
            }
        }
    }

    private boolean crossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0;
    }

    /** The top of the book as published to the core; {@code fallbackTime} when no event time is known yet. */
    public OrderBook view(long fallbackTime) {
        return new OrderBook(source, instrument, updateId, top(bids), top(asks), time > 0 ? time : fallbackTime);
    }

    private List<PriceLevel> top(TreeMap<BigDecimal, BigDecimal> side) {
        List<PriceLevel> out = new ArrayList<>(Math.min(depth, side.size()));
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            if (out.size() == depth) {
                break;
            }
            out.add(new PriceLevel(e.getKey(), e.getValue()));
        }
        return out;
    }
}
