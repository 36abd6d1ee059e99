package io.cambist.exchange.binance.internal.ws;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.MarketEvent;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Timeframe;
import io.cambist.connector.Backoff;
import io.cambist.connector.ConnectionHealth;
import io.cambist.connector.ws.MessageGuard;
import io.cambist.connector.ws.ReconnectingWebSocket;
import io.cambist.exchange.binance.internal.BinanceAdapters;
import io.cambist.exchange.binance.internal.BinanceInstruments;
import io.cambist.exchange.binance.internal.BinanceSettings;
import io.cambist.exchange.binance.internal.http.BinanceRestClient;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.Ack;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.BookTickerMessage;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.Depth;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.KlineMessage;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.Message;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.ServerShutdown;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.TradeMessage;

/**
 * The market data side: one combined-stream connection ({@code /stream?streams=...}) carrying trade, kline,
 * bookTicker and diff depth streams, live SUBSCRIBE/UNSUBSCRIBE requests paced under Binance's 5 messages a second,
 * an order book per subscribed symbol kept with the documented algorithm, and duplicate suppression across a
 * planned reconnect. Every stream is resubscribed on a new connection; books are synchronised again after an
 * unplanned one.
 */
public final class BinanceStreamClient implements ReconnectingWebSocket.Handler {

    private static final long CONTROL_SPACING_MILLIS = 250;

    private final Logger logger = LoggerFactory.getLogger(BinanceStreamClient.class);
    private final BinanceSettings settings;
    private final BinanceInstruments instruments;
    private final BinanceRestClient rest;
    private final BinanceStreamParser parser;
    private final ScheduledExecutorService scheduler;
    private final ConnectionHealth health;
    private final Consumer<MarketEvent> publish;
    private final MessageGuard guard;
    private final LongSupplier clock;
    private final OrderBookSync books;
    private final ReconnectingWebSocket connection;

    private final Map<String, Subscription> desired = new ConcurrentHashMap<>();
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastIds = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> awaitingAck = new ConcurrentHashMap<>();
    private final AtomicLong controlIds = new AtomicLong();
    private final Set<String> pendingSubscribe = new LinkedHashSet<>();
    private final Set<String> pendingUnsubscribe = new LinkedHashSet<>();
    private volatile Set<String> connectingWith = Set.of();
    private ScheduledFuture<?> flushTask;
    private long lastControlAt;
    private boolean started;

    public BinanceStreamClient(BinanceSettings settings, StreamConnectionFactory connections, BinanceInstruments instruments,
            BinanceRestClient rest, BinanceStreamParser parser, ScheduledExecutorService scheduler,
            ConnectionHealth health, Consumer<MarketEvent> publish, AtomicLong malformed, LongSupplier clock,
            Backoff snapshotBackoff) {
        this.settings = settings;
        this.instruments = instruments;
        this.rest = rest;
        this.parser = parser;
        this.scheduler = scheduler;
        this.health = health;
        this.publish = publish;
        this.guard = new MessageGuard("binance market stream", malformed);
        this.clock = clock;
        this.books = new OrderBookSync(settings.account(), settings.bookDepth(), settings.snapshotLimit(), rest, scheduler,
                health, publish, malformed, clock, snapshotBackoff);
        this.connection = connections.create("binance market stream " + settings.account(), this);
    }

    /** Creates the connection for a handler (lets tests and the session share one factory). */
    @FunctionalInterface
    public interface StreamConnectionFactory {
        ReconnectingWebSocket create(String name, ReconnectingWebSocket.Handler handler);
    }

    /** The stream name of a subscription, e.g. {@code ethbtc@kline_1m}. */
    public static String streamName(String symbol, Subscription s) {
        String sym = symbol.toLowerCase(Locale.ROOT);
        return switch (s.kind()) {
            case TICKER -> sym + "@bookTicker";
            case TRADE -> sym + "@trade";
            case CANDLE -> sym + "@kline_" + (s.timeframe() == null ? Timeframe.M1 : s.timeframe()).label();
            case ORDER_BOOK -> sym + "@depth@100ms";
        };
    }

    /** Starts a stream (idempotent). The instrument must be listed. */
    public void subscribe(Subscription s) {
        String symbol = instruments.require(s.instrument()).symbol().symbol();
        String name = streamName(symbol, s);
        if (desired.putIfAbsent(name, s) != null) {
            return;
        }
        if (s.kind() == MarketDataKind.ORDER_BOOK) {
            books.add(symbol, s.instrument());
        }
        boolean start;
        synchronized (this) {
            start = !started;
            started = true;
            if (!start && connection.isOpen() && !connectingWith.contains(name)) {
                pendingUnsubscribe.remove(name);
                pendingSubscribe.add(name);
                scheduleFlush();
            }
        }
        if (start) {
            health.set("market", ConnectionState.CONNECTING, "opening the binance market stream");
            connection.start();
        }
    }

    /** Stops a stream. */
    public void unsubscribe(Subscription s) {
        instruments.of(s.instrument()).ifPresent(rules -> {
            String symbol = rules.symbol().symbol();
            String name = streamName(symbol, s);
            if (desired.remove(name) == null) {
                return;
            }
            live.remove(name);
            if (s.kind() == MarketDataKind.ORDER_BOOK) {
                books.remove(symbol);
            }
            synchronized (this) {
                pendingSubscribe.remove(name);
                if (connection.isOpen()) {
                    pendingUnsubscribe.add(name);
                    scheduleFlush();
                }
            }
        });
    }

    /** Closes the connection. */
    public void stop() {
        synchronized (this) {
            if (flushTask != null) {
                flushTask.cancel(false);
            }
        }
        connection.stop();
    }

    /** The streams the connection carries now. */
    public Set<String> liveStreams() {
        return Set.copyOf(live);
    }

    /** The connection, for tests. */
    ReconnectingWebSocket connection() {
        return connection;
    }

    @Override
    public CompletableFuture<URI> target() {
        Set<String> streams = new LinkedHashSet<>(desired.keySet());
        connectingWith = streams;
        String path = streams.isEmpty() ? "/stream" : "/stream?streams=" + String.join("/", streams);
        return CompletableFuture.completedFuture(URI.create(settings.streamUrl() + path));
    }

    @Override
    public void opened(boolean planned) {
        Set<String> carried = connectingWith;
        live.clear();
        live.addAll(carried);
        synchronized (this) {
            pendingSubscribe.clear();
            pendingUnsubscribe.clear();
            awaitingAck.clear();
            for (String name : desired.keySet()) {
                if (!carried.contains(name)) {
                    pendingSubscribe.add(name);
                }
            }
            for (String name : carried) {
                if (!desired.containsKey(name)) {
                    pendingUnsubscribe.add(name);
                }
            }
            if (!pendingSubscribe.isEmpty() || !pendingUnsubscribe.isEmpty()) {
                scheduleFlush();
            }
        }
        health.clear("market");
        for (String symbol : books.symbols()) {
            if (live.contains(symbol.toLowerCase(Locale.ROOT) + "@depth@100ms")) {
                if (!planned) {
                    books.resync(symbol, "the market stream reconnected");
                } else {
                    // a subscription whose answer was lost with the old connection starts here
                    books.startIfIdle(symbol, "a new subscription");
                }
            }
        }
        logger.debug("binance market stream {} open with {} streams (planned: {})", settings.account(), carried.size(), planned);
    }

    @Override
    public void down(String reason, long retryMillis, int attempt) {
        live.clear();
        health.streamDown("market", "binance market stream", reason, retryMillis, attempt);
    }

    @Override
    public void message(String text) {
        guard.dispatch(text, parser::parse, this::dispatch);
    }

    private void dispatch(Message m) {
        if (m instanceof Depth d) {
            books.onDiff(d.update());
        } else if (m instanceof TradeMessage t) {
            instruments.bySymbol(t.trade().symbol()).ifPresent(r -> {
                if (newer("t:" + t.trade().symbol(), t.trade().tradeId())) {
                    publish.accept(BinanceAdapters.trade(settings.account(), t.trade(), r.instrument()));
                }
            });
        } else if (m instanceof BookTickerMessage b) {
            instruments.bySymbol(b.ticker().symbol()).ifPresent(r -> {
                if (newer("b:" + b.ticker().symbol(), b.ticker().updateId())) {
                    publish.accept(BinanceAdapters.ticker(settings.account(), b.ticker(), r.instrument(), clock.getAsLong()));
                }
            });
        } else if (m instanceof KlineMessage k) {
            onKline(k);
        } else if (m instanceof Ack a) {
            onAck(a);
        } else if (m instanceof ServerShutdown) {
            connection.reconnect("binance announced a shutdown", true);
        }
    }

    private void onKline(KlineMessage k) {
        if (!k.kline().kline().closed()) {
            return;
        }
        Timeframe tf;
        try {
            tf = Timeframe.parse(k.kline().kline().interval());
        } catch (IllegalArgumentException e) {
            return;
        }
        instruments.bySymbol(k.kline().symbol()).ifPresent(r -> {
            if (newer("k:" + k.kline().symbol() + ":" + tf.label(), k.kline().kline().openTime())) {
                publish.accept(BinanceAdapters.candle(settings.account(), k.kline().kline(), r.instrument(), tf));
            }
        });
    }

    private void onAck(Ack a) {
        List<String> names = awaitingAck.remove(a.id());
        if (names == null) {
            return;
        }
        if (a.error() != null) {
            logger.warn("binance refused a stream request for {}: {}", names, a.error());
            return;
        }
        for (String name : names) {
            Subscription s = desired.get(name);
            if (s == null) {
                live.remove(name);
                continue;
            }
            live.add(name);
            if (s.kind() == MarketDataKind.ORDER_BOOK) {
                books.resync(name.substring(0, name.indexOf('@')).toUpperCase(Locale.ROOT), "a new subscription");
            }
        }
    }

    // ---- pacing of control messages ----

    private void scheduleFlush() {
        if (flushTask != null && !flushTask.isDone()) {
            return;
        }
        long delay = Math.max(0, lastControlAt + CONTROL_SPACING_MILLIS - clock.getAsLong());
        flushTask = scheduler.schedule(this::flush, delay, TimeUnit.MILLISECONDS);
    }

    private void flush() {
        List<String> subscribe;
        List<String> unsubscribe;
        synchronized (this) {
            // cleared first, so a stream added from now on schedules the next flush
            flushTask = null;
            subscribe = new ArrayList<>(pendingSubscribe);
            unsubscribe = new ArrayList<>(pendingUnsubscribe);
            pendingSubscribe.clear();
            pendingUnsubscribe.clear();
            lastControlAt = clock.getAsLong();
            if (!unsubscribe.isEmpty() && !subscribe.isEmpty()) {
                // one control message per flush keeps under the 5 messages a second limit
                pendingSubscribe.addAll(subscribe);
                subscribe = List.of();
                scheduleFlush();
            }
        }
        if (!unsubscribe.isEmpty()) {
            control("UNSUBSCRIBE", unsubscribe);
        } else if (!subscribe.isEmpty()) {
            control("SUBSCRIBE", subscribe);
        }
    }

    private void control(String method, List<String> names) {
        long id = controlIds.incrementAndGet();
        if ("SUBSCRIBE".equals(method)) {
            awaitingAck.put(id, names);
        } else {
            names.forEach(live::remove);
        }
        StringBuilder json = new StringBuilder("{\"method\":\"").append(method).append("\",\"params\":[");
        for (int i = 0; i < names.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append('"');
        }
        json.append("],\"id\":").append(id).append('}');
        connection.send(json.toString()).whenComplete((x, e) -> {
            if (e != null) {
                awaitingAck.remove(id);
                logger.debug("binance {} not sent ({}); the next connection carries the streams", method, e.getMessage());
            }
        });
    }

    private boolean newer(String key, long id) {
        Long previous = lastIds.get(key);
        if (previous != null && id <= previous) {
            return false;
        }
        lastIds.put(key, id);
        return true;
    }
}
