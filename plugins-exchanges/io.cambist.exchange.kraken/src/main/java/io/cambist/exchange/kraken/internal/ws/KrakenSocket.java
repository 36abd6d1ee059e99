package io.cambist.exchange.kraken.internal.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.exchange.kraken.internal.Backoff;
import io.cambist.exchange.kraken.internal.http.KrakenRestClient;

/**
 * One long-lived WebSocket v2 connection to Kraken on the JDK client, kept alive: reconnects with backoff and jitter
 * when the socket closes, fails or stays silent too long, and checks liveness the way Kraken documents it, with
 * {@code {"method":"ping"}} requests (answered by {@code pong}) on top of the heartbeats a subscribed connection
 * receives every second. An empty pong frame every second makes a connection that died silently fail its next write
 * (the JDK 17 client can miss the end of a connection that closes while a message is being delivered).
 * Runs only on the scheduler it is given.
 */
public final class KrakenSocket {

    /** The owner of the connection: where to connect and what to do with what arrives. */
    public interface Handler {
        /** Where to connect now (computed at every attempt; may involve a REST call such as fetching a token). */
        CompletableFuture<URI> target();

        /** A socket became the active one. */
        void opened();

        /** A complete text message from the active socket. */
        void message(String text);

        /** The active socket was lost or an attempt failed; the next attempt is in {@code retryMillis}. */
        void down(String reason, long retryMillis, int attempt);
    }

    private final Logger logger = LoggerFactory.getLogger(KrakenSocket.class);
    private final String name;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final Duration staleAfter;
    private final Duration connectTimeout;
    private final LongSupplier clock;
    private final Handler handler;

    private WebSocket active;
    private boolean running;
    private boolean connecting;
    private int attempts;
    private long lastActivity;
    private long openedCount;
    private long pings;
    private ScheduledFuture<?> reconnectTask;
    private ScheduledFuture<?> staleTask;
    private ScheduledFuture<?> pingTask;
    private ScheduledFuture<?> heartbeatTask;
    private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

    public KrakenSocket(String name, HttpClient http, ScheduledExecutorService scheduler, Backoff backoff,
            Duration staleAfter, Duration connectTimeout, LongSupplier clock, Handler handler) {
        this.name = name;
        this.http = http;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.staleAfter = staleAfter;
        this.connectTimeout = connectTimeout;
        this.clock = clock;
        this.handler = handler;
    }

    /** Starts connecting (idempotent). */
    public void start() {
        synchronized (this) {
            if (running) {
                return;
            }
            running = true;
            long third = Math.max(100, staleAfter.toMillis() / 3);
            staleTask = scheduler.scheduleWithFixedDelay(this::checkStale, third, Math.max(50, third / 2),
                    TimeUnit.MILLISECONDS);
            pingTask = scheduler.scheduleWithFixedDelay(this::ping, third, third, TimeUnit.MILLISECONDS);
            long beat = Math.min(1_000, third);
            heartbeatTask = scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        }
        scheduler.execute(this::connect);
    }

    /** Closes the socket and cancels all scheduled work. */
    public void stop() {
        WebSocket ws;
        synchronized (this) {
            running = false;
            cancel(reconnectTask);
            cancel(staleTask);
            cancel(pingTask);
            cancel(heartbeatTask);
            ws = active;
            active = null;
        }
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "disconnect").whenComplete((x, e) -> ws.abort());
        }
    }

    /** True while a socket is active. */
    public synchronized boolean isOpen() {
        return active != null;
    }

    /** How many sockets became active so far. */
    public synchronized long openedCount() {
        return openedCount;
    }

    /** Drops the active socket and connects again (after the backoff): used when its state can no longer be trusted. */
    public void reconnect(String reason) {
        WebSocket ws;
        synchronized (this) {
            ws = active;
        }
        if (ws != null) {
            lost(ws, reason);
            ws.abort();
        }
    }

    /** Sends a text message on the active socket, after any earlier one; fails when no socket is active. */
    public synchronized CompletableFuture<?> send(String text) {
        WebSocket ws = active;
        if (ws == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(name + " is not connected"));
        }
        sends = sends.handle((x, e) -> null).thenCompose(x -> ws.sendText(text, true));
        return sends;
    }

    private void connect() {
        synchronized (this) {
            if (!running || connecting || active != null) {
                return;
            }
            connecting = true;
        }
        CompletableFuture<WebSocket> attempt;
        try {
            Listener listener = new Listener();
            attempt = handler.target().thenCompose(uri -> http.newWebSocketBuilder().connectTimeout(connectTimeout)
                    .buildAsync(uri, listener));
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        attempt.whenCompleteAsync(this::connected, scheduler);
    }

    private void connected(WebSocket ws, Throwable error) {
        Runnable down = null;
        synchronized (this) {
            connecting = false;
            if (!running) {
                if (ws != null) {
                    ws.abort();
                }
                return;
            }
            if (error != null) {
                down = scheduleReconnect("cannot connect: " + describe(KrakenRestClient.unwrap(error)));
            } else {
                active = ws;
                attempts = 0;
                openedCount++;
                lastActivity = clock.getAsLong();
                sends = CompletableFuture.completedFuture(null);
            }
        }
        if (down != null) {
            down.run();
            return;
        }
        handler.opened();
        ws.request(1);
    }

    private void lost(WebSocket ws, String reason) {
        Runnable down;
        synchronized (this) {
            if (ws != active) {
                return;
            }
            active = null;
            down = scheduleReconnect(reason);
        }
        if (down != null) {
            down.run();
        }
    }

    // called with the lock held; returns the notification to run once the lock is released
    private Runnable scheduleReconnect(String reason) {
        if (!running) {
            return null;
        }
        long delay = backoff.delayMillis(attempts++);
        int attempt = attempts;
        cancel(reconnectTask);
        reconnectTask = scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        logger.debug("{} down ({}); reconnecting in {} ms, attempt {}", name, reason, delay, attempt);
        return () -> handler.down(reason, delay, attempt);
    }

    private void ping() {
        long id;
        synchronized (this) {
            if (active == null) {
                return;
            }
            id = ++pings;
        }
        send("{\"method\":\"ping\",\"req_id\":" + id + "}");
    }

    private void heartbeat() {
        WebSocket ws;
        CompletableFuture<?> sent;
        synchronized (this) {
            ws = active;
            if (ws == null) {
                return;
            }
            sends = sends.handle((x, e) -> null).thenCompose(x -> ws.sendPong(ByteBuffer.allocate(0)));
            sent = sends;
        }
        sent.whenCompleteAsync((x, e) -> {
            Throwable cause = e == null ? null : KrakenRestClient.unwrap(e);
            if (cause instanceof java.io.IOException) {
                lost(ws, "the connection is gone (" + describe(cause) + ")");
                ws.abort();
            }
        }, scheduler);
    }

    private void checkStale() {
        WebSocket ws;
        synchronized (this) {
            ws = active;
            if (ws == null || clock.getAsLong() - lastActivity <= staleAfter.toMillis()) {
                return;
            }
        }
        lost(ws, "no message, heartbeat or pong for " + staleAfter.toMillis() + " ms");
        ws.abort();
    }

    private synchronized boolean activity(WebSocket ws) {
        if (ws != active) {
            return false;
        }
        lastActivity = clock.getAsLong();
        return true;
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Receives one socket's frames; ignores them once the socket is no longer the active one. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket ws) {
            // demand starts once the socket is the active one (see connected), so no message is lost or misrouted
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                if (activity(ws)) {
                    try {
                        handler.message(message);
                    } catch (RuntimeException e) {
                        logger.warn("{}: message handler failed: {}", name, e.toString());
                    }
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            activity(ws);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            lost(ws, "closed by kraken (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lost(ws, "connection failed: " + describe(error));
        }
    }
}
