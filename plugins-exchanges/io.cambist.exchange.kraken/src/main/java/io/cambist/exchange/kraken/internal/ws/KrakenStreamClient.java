package io.cambist.exchange.kraken.internal.ws;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.MarketEvent;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Timeframe;
import io.cambist.connector.ConnectionHealth;
import io.cambist.connector.ws.MessageGuard;
import io.cambist.connector.ws.ReconnectingWebSocket;
import io.cambist.exchange.kraken.internal.KrakenAdapters;
import io.cambist.exchange.kraken.internal.KrakenInstruments;
import io.cambist.exchange.kraken.internal.KrakenInstruments.Rules;
import io.cambist.exchange.kraken.internal.KrakenSettings;
import io.cambist.exchange.kraken.internal.dto.KrakenBookData;
import io.cambist.exchange.kraken.internal.dto.KrakenOhlc;
import io.cambist.exchange.kraken.internal.dto.KrakenTicker;
import io.cambist.exchange.kraken.internal.dto.KrakenTrade;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Ack;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Book;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Message;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Ohlcs;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Status;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Tickers;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Trades;

/**
 * The market data side: one public WebSocket v2 connection carrying the {@code ticker} (best bid/offer trigger),
 * {@code trade}, {@code ohlc} and {@code book} channels. Every subscription is sent again on a new connection. Each
 * book is verified against Kraken's checksum after every message; on a mismatch it is resubscribed for a fresh
 * snapshot, and the status stays DEGRADED until the snapshot arrives. Duplicate or backward trades and candles are
 * counted and skipped.
 */
public final class KrakenStreamClient implements ReconnectingWebSocket.Handler {

    /** Creates the socket for a handler (lets tests and the session share one factory). */
    @FunctionalInterface
    public interface SocketFactory {
        ReconnectingWebSocket create(String name, ReconnectingWebSocket.Handler handler);
    }

    private record Sub(Subscription subscription, Rules rules, String channel, int interval) {
        String key() {
            return channel + ":" + rules.wsSymbol() + (interval > 0 ? ":" + interval : "");
        }
    }

    private final Logger logger = LoggerFactory.getLogger(KrakenStreamClient.class);
    private final KrakenSettings settings;
    private final KrakenInstruments instruments;
    private final KrakenStreamParser parser;
    private final ObjectMapper mapper;
    private final ConnectionHealth health;
    private final Consumer<MarketEvent> publish;
    private final AtomicLong malformed;
    private final MessageGuard guard;
    private final LongSupplier clock;
    private final ReconnectingWebSocket socket;
    private final Map<String, Sub> desired = new ConcurrentHashMap<>();
    private final Map<String, KrakenBook> books = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTrade = new ConcurrentHashMap<>();
    private final CandleCloser candles = new CandleCloser();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private boolean started;

    public KrakenStreamClient(KrakenSettings settings, SocketFactory sockets, KrakenInstruments instruments,
            KrakenStreamParser parser, ObjectMapper mapper, ConnectionHealth health, Consumer<MarketEvent> publish,
            AtomicLong malformed, LongSupplier clock) {
        this.settings = settings;
        this.instruments = instruments;
        this.parser = parser;
        this.mapper = mapper;
        this.health = health;
        this.publish = publish;
        this.malformed = malformed;
        this.guard = new MessageGuard("kraken public stream", malformed);
        this.clock = clock;
        this.socket = sockets.create("kraken public stream " + settings.account(), this);
    }

    /**
     * Starts a stream (idempotent).
     *
     * @throws io.cambist.api.exchange.InvalidOrderException when Kraken does not list the instrument or has no such
     *                                                       candle width
     */
    public void subscribe(Subscription s) {
        Sub sub = sub(s, instruments.require(s.instrument()));
        if (desired.putIfAbsent(sub.key(), sub) != null) {
            return;
        }
        if (s.kind() == MarketDataKind.ORDER_BOOK) {
            Rules r = sub.rules();
            books.putIfAbsent(r.wsSymbol(), new KrakenBook(settings.account(), r.instrument(), r.wsSymbol(),
                    settings.bookDepth(), r.priceDecimals(), r.lotDecimals()));
            health.set(bookPart(r.wsSymbol()), ConnectionState.DEGRADED, "synchronising the " + r.wsSymbol()
                    + " order book (a new subscription)");
        }
        boolean start;
        synchronized (this) {
            start = !started;
            started = true;
        }
        if (start) {
            health.set("market", ConnectionState.CONNECTING, "opening the kraken public stream");
            socket.start();
        } else if (socket.isOpen()) {
            send(request("subscribe", sub));
        }
    }

    /** Stops a stream. */
    public void unsubscribe(Subscription s) {
        instruments.of(s.instrument()).ifPresent(rules -> {
            Sub sub = desired.remove(sub(s, rules).key());
            if (sub == null) {
                return;
            }
            if (s.kind() == MarketDataKind.ORDER_BOOK) {
                books.remove(rules.wsSymbol());
                health.clear(bookPart(rules.wsSymbol()));
            }
            candles.forget(sub.key());
            if (socket.isOpen()) {
                send(request("unsubscribe", sub));
            }
        });
    }

    /** Closes the connection. */
    public void stop() {
        socket.stop();
    }

    /** How many times a book was resubscribed after a checksum mismatch. */
    public long resyncs() {
        return resyncs.get();
    }

    /** The socket, for tests. */
    ReconnectingWebSocket socket() {
        return socket;
    }

    private Sub sub(Subscription s, Rules rules) {
        return switch (s.kind()) {
            case TICKER -> new Sub(s, rules, "ticker", 0);
            case TRADE -> new Sub(s, rules, "trade", 0);
            case CANDLE -> new Sub(s, rules, "ohlc", KrakenAdapters.interval(s.timeframe()));
            case ORDER_BOOK -> new Sub(s, rules, "book", 0);
        };
    }

    private String request(String method, Sub sub) {
        ObjectNode root = mapper.createObjectNode();
        root.put("method", method);
        ObjectNode params = root.putObject("params");
        params.put("channel", sub.channel());
        params.putArray("symbol").add(sub.rules().wsSymbol());
        switch (sub.channel()) {
            case "ticker" -> params.put("event_trigger", "bbo");
            case "ohlc" -> params.put("interval", sub.interval());
            case "book" -> params.put("depth", settings.bookDepth());
            default -> {
                // trade: no parameters
            }
        }
        if ("subscribe".equals(method)) {
            params.put("snapshot", !"trade".equals(sub.channel()));
        }
        root.put("req_id", requests.incrementAndGet());
        return root.toString();
    }

    private void send(String text) {
        socket.send(text).whenComplete((x, e) -> {
            if (e != null) {
                logger.debug("kraken request not sent ({}); the next connection subscribes again", e.getMessage());
            }
        });
    }

    @Override
    public CompletableFuture<URI> target() {
        return CompletableFuture.completedFuture(settings.streamUrl());
    }

    @Override
    public void opened(boolean planned) {
        health.clear("market");
        for (Sub sub : desired.values()) {
            if ("book".equals(sub.channel())) {
                KrakenBook book = books.get(sub.rules().wsSymbol());
                if (book != null) {
                    synchronized (book) {
                        book.reset();
                    }
                }
                health.set(bookPart(sub.rules().wsSymbol()), ConnectionState.DEGRADED, "synchronising the "
                        + sub.rules().wsSymbol() + " order book (the public stream reconnected)");
            }
            send(request("subscribe", sub));
        }
        logger.debug("kraken public stream {} open with {} subscriptions", settings.account(), desired.size());
    }

    @Override
    public void down(String reason, long retryMillis, int attempt) {
        health.streamDown("market", "kraken public stream", reason, retryMillis, attempt);
    }

    @Override
    public void message(String text) {
        guard.dispatch(text, parser::parse, this::dispatch);
    }

    private void dispatch(Message m) {
        if (m instanceof Book b) {
            for (KrakenBookData d : b.data()) {
                onBook(b.snapshot(), d);
            }
        } else if (m instanceof Trades t) {
            for (KrakenTrade trade : t.data()) {
                instruments.bySymbol(trade.symbol()).ifPresent(r -> {
                    Long previous = lastTrade.get(trade.symbol());
                    if (previous != null && trade.tradeId() <= previous) {
                        malformed.incrementAndGet();
                        return;
                    }
                    lastTrade.put(trade.symbol(), trade.tradeId());
                    publish.accept(KrakenAdapters.trade(settings.account(), trade, r.instrument(), clock.getAsLong()));
                });
            }
        } else if (m instanceof Tickers t) {
            for (KrakenTicker ticker : t.data()) {
                instruments.bySymbol(ticker.symbol()).ifPresent(r -> publish.accept(
                        KrakenAdapters.ticker(settings.account(), ticker, r.instrument(), clock.getAsLong())));
            }
        } else if (m instanceof Ohlcs o) {
            onOhlc(o);
        } else if (m instanceof Ack a) {
            if (!a.success() && (a.error() == null || !a.error().contains("Already subscribed"))) {
                logger.warn("kraken refused to {} {} {}: {}", a.method(), a.channel(), a.symbol(), a.error());
            }
        } else if (m instanceof Status s) {
            if (s.system() == null || "online".equals(s.system())) {
                health.clear("exchange");
            } else {
                health.set("exchange", ConnectionState.DEGRADED, "kraken reports the exchange is " + s.system());
            }
        }
    }

    private void onOhlc(Ohlcs o) {
        Map<String, List<KrakenOhlc>> byKey = new LinkedHashMap<>();
        for (KrakenOhlc c : o.data()) {
            byKey.computeIfAbsent("ohlc:" + c.symbol() + ":" + c.interval(), k -> new ArrayList<>()).add(c);
        }
        byKey.forEach((key, list) -> {
            KrakenOhlc first = list.get(0);
            Rules r = instruments.bySymbol(first.symbol()).orElse(null);
            Timeframe tf = KrakenAdapters.timeframe(first.interval()).orElse(null);
            if (r == null || tf == null || !desired.containsKey(key)) {
                return;
            }
            if ("snapshot".equals(o.type())) {
                publish(candles.snapshot(key, list), r, tf);
            } else {
                for (KrakenOhlc c : list) {
                    publish(candles.update(key, c), r, tf);
                }
            }
        });
    }

    private void publish(CandleCloser.Outcome outcome, Rules r, Timeframe tf) {
        if (outcome.stale()) {
            malformed.incrementAndGet();
        }
        outcome.closed().forEach(x -> publish.accept(KrakenAdapters.candle(settings.account(), x, r.instrument(), tf)));
    }

    private void onBook(boolean snapshot, KrakenBookData d) {
        KrakenBook book = books.get(d.symbol());
        if (book == null) {
            return;
        }
        synchronized (book) {
            KrakenBook.Result r = snapshot ? book.snapshot(d, clock.getAsLong()) : book.update(d, clock.getAsLong());
            switch (r) {
                case APPLIED -> {
                    publish.accept(book.view());
                    if (snapshot) {
                        health.clear(bookPart(d.symbol()));
                    }
                }
                case MISMATCH -> resync(book, "checksum mismatch: " + book.mismatch());
                default -> logger.trace("kraken {} book update before its snapshot: ignored", d.symbol());
            }
        }
    }

    private void resync(KrakenBook book, String why) {
        resyncs.incrementAndGet();
        health.set(bookPart(book.symbol()), ConnectionState.DEGRADED, "synchronising the " + book.symbol()
                + " order book (" + why + ")");
        logger.debug("kraken {} book: {}; subscribing again for a snapshot", book.symbol(), why);
        desired.values().stream().filter(s -> "book".equals(s.channel()) && s.rules().wsSymbol().equals(book.symbol()))
                .findFirst().ifPresent(sub -> {
                    send(request("unsubscribe", sub));
                    send(request("subscribe", sub));
                });
    }

    private static String bookPart(String symbol) {
        return "book:" + symbol;
    }
}
