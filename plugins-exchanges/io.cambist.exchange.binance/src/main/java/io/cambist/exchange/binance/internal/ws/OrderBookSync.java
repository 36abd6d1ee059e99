package io.cambist.exchange.binance.internal.ws;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.MarketEvent;
import io.cambist.connector.Backoff;
import io.cambist.connector.ConnectionHealth;
import io.cambist.connector.Futures;
import io.cambist.exchange.binance.internal.http.BinanceRestClient;
import io.cambist.exchange.binance.internal.dto.BinanceDepthUpdate;

/**
 * The subscribed order books and their synchronisation: routes diff events to each {@link LocalOrderBook}, fetches
 * REST snapshots (again, with backoff, when one is too old or fails), publishes every consistent book and keeps the
 * connection status DEGRADED while a book is being synchronised.
 */
final class OrderBookSync {

    private final Logger logger = LoggerFactory.getLogger(OrderBookSync.class);
    private final String account;
    private final int depth;
    private final int snapshotLimit;
    private final BinanceRestClient rest;
    private final ScheduledExecutorService scheduler;
    private final ConnectionHealth health;
    private final Consumer<MarketEvent> publish;
    private final AtomicLong malformed;
    private final LongSupplier clock;
    private final Backoff backoff;
    private final Map<String, LocalOrderBook> books = new ConcurrentHashMap<>();

    OrderBookSync(String account, int depth, int snapshotLimit, BinanceRestClient rest, ScheduledExecutorService scheduler,
            ConnectionHealth health, Consumer<MarketEvent> publish, AtomicLong malformed, LongSupplier clock,
            Backoff backoff) {
        this.account = account;
        this.depth = depth;
        this.snapshotLimit = snapshotLimit;
        this.rest = rest;
        this.scheduler = scheduler;
        this.health = health;
        this.publish = publish;
        this.malformed = malformed;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** Starts keeping a book (it synchronises once its stream is live). */
    void add(String symbol, Instrument instrument) {
        books.putIfAbsent(symbol, new LocalOrderBook(account, instrument, symbol, depth));
    }

    /** Stops keeping a book. */
    void remove(String symbol) {
        books.remove(symbol);
        health.clear(part(symbol));
    }

    /** The symbols of the kept books. */
    Set<String> symbols() {
        return Set.copyOf(books.keySet());
    }

    /** Discards a book and synchronises it again from a snapshot. */
    void resync(String symbol, String why) {
        LocalOrderBook book = books.get(symbol);
        if (book != null) {
            synchronized (book) {
                resyncLocked(book, why);
            }
        }
    }

    /** Synchronises a book that was never synchronised (its first snapshot was never asked for). */
    void startIfIdle(String symbol, String why) {
        LocalOrderBook book = books.get(symbol);
        if (book != null) {
            synchronized (book) {
                if (book.generation() == 0) {
                    resyncLocked(book, why);
                }
            }
        }
    }

    /** Applies one diff event to its book. */
    void onDiff(BinanceDepthUpdate update) {
        LocalOrderBook book = books.get(update.symbol());
        if (book == null) {
            return;
        }
        synchronized (book) {
            switch (book.onDiff(update)) {
                case APPLIED -> publish.accept(book.view(clock.getAsLong()));
                case STALE -> malformed.incrementAndGet();
                case GAP -> resyncLocked(book, "a gap in update ids before " + update.firstUpdateId());
                default -> {
                    // buffered until the snapshot arrives
                }
            }
        }
    }

    private void resyncLocked(LocalOrderBook book, String why) {
        int round = book.startSync();
        health.set(part(book.symbol()), ConnectionState.DEGRADED, "synchronising the " + book.instrument()
                + " order book (" + why + ")");
        fetchSnapshot(book, round, 0);
    }

    private void fetchSnapshot(LocalOrderBook book, int round, int attempt) {
        rest.depth(book.symbol(), snapshotLimit).whenComplete((snapshot, error) -> {
            if (books.get(book.symbol()) != book) {
                return;
            }
            synchronized (book) {
                if (round != book.generation()) {
                    return;
                }
                if (error == null) {
                    LocalOrderBook.Result r = book.onSnapshot(round, snapshot);
                    if (r == LocalOrderBook.Result.APPLIED) {
                        publish.accept(book.view(clock.getAsLong()));
                        health.clear(part(book.symbol()));
                        return;
                    }
                    if (r == LocalOrderBook.Result.GAP) {
                        resyncLocked(book, "a gap in the buffered updates");
                        return;
                    }
                }
            }
            long delay = backoff.delayMillis(attempt);
            if (error != null) {
                logger.debug("binance depth snapshot for {} failed ({}); retrying in {} ms", book.symbol(),
                        Futures.unwrap(error).getMessage(), delay);
            }
            scheduler.schedule(() -> fetchSnapshot(book, round, attempt + 1), delay, TimeUnit.MILLISECONDS);
        });
    }

    private static String part(String symbol) {
        return "book:" + symbol;
    }
}
