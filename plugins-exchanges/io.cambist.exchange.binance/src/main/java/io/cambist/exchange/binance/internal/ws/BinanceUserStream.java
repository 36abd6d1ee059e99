package io.cambist.exchange.binance.internal.ws;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.connector.ConnectionHealth;
import io.cambist.connector.Futures;
import io.cambist.connector.OrderReconciler;
import io.cambist.connector.OrderTracker;
import io.cambist.connector.ws.MessageGuard;
import io.cambist.connector.ws.ReconnectingWebSocket;
import io.cambist.exchange.binance.internal.BinanceAdapters;
import io.cambist.exchange.binance.internal.BinanceInstruments;
import io.cambist.exchange.binance.internal.BinanceSettings;
import io.cambist.exchange.binance.internal.OrderRecovery;
import io.cambist.exchange.binance.internal.http.BinanceRestClient;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.Execution;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.ListenKeyExpired;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.Message;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser.ServerShutdown;

/**
 * The user data stream: creates the listen key ({@code POST /api/v3/userDataStream}) before every connection to
 * {@code /ws/<listenKey>}, keeps it alive, turns {@code executionReport} events into execution reports through the
 * {@link OrderTracker}, and after every unplanned reconnect asks the venue about the orders that may have changed
 * meanwhile ({@link OrderRecovery}), so no fill is lost or reported twice.
 */
public final class BinanceUserStream implements ReconnectingWebSocket.Handler {

    private final Logger logger = LoggerFactory.getLogger(BinanceUserStream.class);
    private final BinanceSettings settings;
    private final BinanceRestClient rest;
    private final BinanceStreamParser parser;
    private final BinanceInstruments instruments;
    private final OrderTracker tracker;
    private final OrderReconciler reconciler;
    private final ConnectionHealth health;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong malformed;
    private final MessageGuard guard;
    private final ReconnectingWebSocket connection;
    private volatile String listenKey;
    private ScheduledFuture<?> keepAlive;

    public BinanceUserStream(BinanceSettings settings, BinanceStreamClient.StreamConnectionFactory connections,
            BinanceRestClient rest, BinanceStreamParser parser, BinanceInstruments instruments, OrderTracker tracker,
            OrderRecovery recovery, ConnectionHealth health, ScheduledExecutorService scheduler, AtomicLong malformed) {
        this.settings = settings;
        this.rest = rest;
        this.parser = parser;
        this.instruments = instruments;
        this.tracker = tracker;
        this.reconciler = new OrderReconciler(recovery::recover, tracker, health,
                "reconciling open orders after the user data stream reconnected");
        this.health = health;
        this.scheduler = scheduler;
        this.malformed = malformed;
        this.guard = new MessageGuard("binance user data stream", malformed);
        this.connection = connections.create("binance user data stream " + settings.account(), this);
    }

    /** Opens the stream and starts the keepalive. */
    public void start() {
        health.set("user", ConnectionState.CONNECTING, "opening the binance user data stream");
        long every = settings.listenKeyKeepAlive().toMillis();
        synchronized (this) {
            keepAlive = scheduler.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
        }
        connection.start();
    }

    /** Closes the stream and the listen key (best effort). */
    public void stop() {
        synchronized (this) {
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
        }
        connection.stop();
        String key = listenKey;
        if (key != null) {
            rest.closeListenKey(key).exceptionally(e -> null);
        }
    }

    /** The connection, for tests. */
    ReconnectingWebSocket connection() {
        return connection;
    }

    @Override
    public CompletableFuture<URI> target() {
        return rest.createListenKey().thenApply(key -> {
            listenKey = key;
            return URI.create(settings.streamUrl() + "/ws/" + key);
        });
    }

    @Override
    public void opened(boolean planned) {
        health.clear("user");
        if (!planned) {
            recover();
        }
    }

    /** Asks the venue about the orders that may owe updates; runs once at a time, again if asked meanwhile. */
    void recover() {
        reconciler.recover();
    }

    @Override
    public void down(String reason, long retryMillis, int attempt) {
        health.streamDown("user", "binance user data stream", reason, retryMillis, attempt);
    }

    @Override
    public void message(String text) {
        Message m = guard.parse(text, parser::parse);
        if (m instanceof Execution x) {
            var rules = instruments.bySymbol(x.report().symbol());
            if (rules.isEmpty()) {
                malformed.incrementAndGet();
                return;
            }
            ExecutionReport report;
            try {
                report = BinanceAdapters.report(settings.account(), x.report(), rules.get().instrument());
            } catch (RuntimeException e) {
                malformed.incrementAndGet();
                logger.debug("binance user data stream: skipped unusable executionReport: {}", e.toString());
                return;
            }
            tracker.offer(report, x.report().symbol());
        } else if (m instanceof ListenKeyExpired) {
            connection.reconnect("the listen key expired", false);
        } else if (m instanceof ServerShutdown) {
            connection.reconnect("binance announced a shutdown", true);
        }
    }

    private void keepAlive() {
        String key = listenKey;
        if (key == null) {
            return;
        }
        rest.keepAliveListenKey(key).whenComplete((x, e) -> {
            if (e == null) {
                return;
            }
            Throwable cause = Futures.unwrap(e);
            if (cause instanceof ExchangeException ex && "-1125".equals(ex.venueCode())) {
                connection.reconnect("the listen key no longer exists", false);
            } else {
                logger.info("binance account {}: listen key keepalive failed: {}", settings.account(), cause.getMessage());
            }
        });
    }
}
