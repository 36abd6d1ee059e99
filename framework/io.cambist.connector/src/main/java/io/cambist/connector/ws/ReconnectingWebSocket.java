package io.cambist.connector.ws;

import java.io.IOException;
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

import io.cambist.connector.Backoff;
import io.cambist.connector.Futures;

/**
 * One long-lived WebSocket to a venue on the JDK client, kept alive by the rules of a {@link KeepAlive}: reconnects
 * with backoff and jitter when the socket closes, fails or stays silent too long; server pings are answered by the JDK
 * client with the same payload and count as a sign of life; an optional application ping is sent periodically; and,
 * with an age limit, the socket is replaced before the venue cuts it, without a gap: the new socket is opened first
 * and becomes the active one before the old is closed. Runs only on the scheduler it is given.
 * <p>
 * It also sends an unsolicited empty pong every probe period and treats a failed write as a lost connection: the JDK
 * 17 client can miss the end of a connection that closes while the listener is busy with a message (the EOF is read
 * ahead, then dropped), and the next write is what notices it.
 */
public final class ReconnectingWebSocket {

    /** The owner of the connection: where to connect and what to do with what arrives. */
    public interface Handler {
        /** Where to connect now (computed at every attempt; may involve a REST call such as fetching a token). */
        CompletableFuture<URI> target();

        /** A socket became the active one; {@code planned} when it replaced a healthy one with no gap. */
        void opened(boolean planned);

        /** A complete text message from the active socket. */
        void message(String text);

        /** The active socket was lost or an attempt failed; the next attempt is in {@code retryMillis}. */
        void down(String reason, long retryMillis, int attempt);
    }

    private final Logger logger = LoggerFactory.getLogger(ReconnectingWebSocket.class);
    private final String name;
    private final String venue;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final KeepAlive keepAlive;
    private final Duration connectTimeout;
    private final LongSupplier clock;
    private final Handler handler;

    private WebSocket active;
    private boolean running;
    private boolean connecting;
    private int attempts;
    private long lastActivity;
    private long openedCount;
    private ScheduledFuture<?> reconnectTask;
    private ScheduledFuture<?> plannedTask;
    private ScheduledFuture<?> staleTask;
    private ScheduledFuture<?> pingTask;
    private ScheduledFuture<?> probeTask;
    private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

    /**
     * @param name  the connection in logs, e.g. {@code binance market stream main}
     * @param venue the venue in reasons, e.g. {@code binance} in "closed by binance (1001 going away)"
     * @param clock epoch milliseconds, for silence
     */
    public ReconnectingWebSocket(String name, String venue, HttpClient http, ScheduledExecutorService scheduler,
            Backoff backoff, KeepAlive keepAlive, Duration connectTimeout, LongSupplier clock, Handler handler) {
        this.name = name;
        this.venue = venue;
        this.http = http;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.keepAlive = keepAlive;
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
            staleTask = scheduler.scheduleWithFixedDelay(this::checkStale, keepAlive.checkDelay(),
                    keepAlive.checkPeriod(), TimeUnit.MILLISECONDS);
            if (keepAlive.pingPeriod() > 0) {
                pingTask = scheduler.scheduleWithFixedDelay(this::ping, keepAlive.pingPeriod(), keepAlive.pingPeriod(),
                        TimeUnit.MILLISECONDS);
            }
            probeTask = scheduler.scheduleWithFixedDelay(this::probe, keepAlive.probePeriod(), keepAlive.probePeriod(),
                    TimeUnit.MILLISECONDS);
        }
        scheduler.execute(() -> connect(false));
    }

    /** Closes the socket and cancels all scheduled work; no reconnect follows. */
    public void stop() {
        WebSocket ws;
        synchronized (this) {
            running = false;
            cancel(reconnectTask);
            cancel(plannedTask);
            cancel(staleTask);
            cancel(pingTask);
            cancel(probeTask);
            ws = active;
            active = null;
        }
        close(ws, "disconnect");
    }

    /** True while a socket is active. */
    public synchronized boolean isOpen() {
        return active != null;
    }

    /** How many sockets became active so far. */
    public synchronized long openedCount() {
        return openedCount;
    }

    /** Drops the active socket and connects again after the backoff: used when its state can no longer be trusted. */
    public void reconnect(String reason) {
        reconnect(reason, false);
    }

    /** Replaces the socket: {@code planned} opens the new one before closing the old, otherwise drops it first. */
    public void reconnect(String reason, boolean planned) {
        if (planned) {
            scheduler.execute(() -> connect(true));
            return;
        }
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

    private void connect(boolean planned) {
        synchronized (this) {
            if (!running || connecting || (!planned && active != null) || (planned && active == null)) {
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
        attempt.whenCompleteAsync((ws, error) -> connected(ws, error, planned), scheduler);
    }

    private void connected(WebSocket ws, Throwable error, boolean planned) {
        if (error != null) {
            failed(Futures.unwrap(error), planned);
            return;
        }
        WebSocket old;
        boolean replaced;
        synchronized (this) {
            connecting = false;
            if (!running) {
                ws.abort();
                return;
            }
            old = active;
            replaced = planned && old != null;
            active = ws;
            attempts = 0;
            openedCount++;
            lastActivity = clock.getAsLong();
            // writes are ordered per socket; the new one does not wait behind writes still pending on the old
            sends = CompletableFuture.completedFuture(null);
            cancel(plannedTask);
            if (keepAlive.maxAge() != null) {
                plannedTask = scheduler.schedule(() -> connect(true), keepAlive.maxAge().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        close(old, "replaced by a fresh connection");
        handler.opened(replaced);
        ws.request(1);
    }

    private void failed(Throwable error, boolean planned) {
        String reason = "cannot connect: " + describe(error);
        Runnable down = null;
        synchronized (this) {
            connecting = false;
            if (!running) {
                return;
            }
            if (planned && active != null) {
                // the current socket keeps serving; try the replacement again later
                long delay = backoff.delayMillis(attempts++);
                logger.info("{} planned reconnect failed ({}); retrying in {} ms", name, reason, delay);
                plannedTask = scheduler.schedule(() -> connect(true), delay, TimeUnit.MILLISECONDS);
            } else {
                down = scheduleReconnect(reason);
            }
        }
        if (down != null) {
            down.run();
        }
    }

    private void lost(WebSocket ws, String reason) {
        Runnable down;
        synchronized (this) {
            if (ws != active) {
                return;
            }
            active = null;
            cancel(plannedTask);
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
        reconnectTask = scheduler.schedule(() -> connect(false), delay, TimeUnit.MILLISECONDS);
        logger.debug("{} down ({}); reconnecting in {} ms, attempt {}", name, reason, delay, attempt);
        return () -> handler.down(reason, delay, attempt);
    }

    private void ping() {
        String message;
        synchronized (this) {
            if (active == null) {
                return;
            }
            message = keepAlive.ping().get();
        }
        send(message);
    }

    private void probe() {
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
            Throwable cause = e == null ? null : Futures.unwrap(e);
            if (cause instanceof IOException) {
                lost(ws, "the connection is gone (" + describe(cause) + ")");
                ws.abort();
            }
        }, scheduler);
    }

    private void checkStale() {
        WebSocket ws;
        synchronized (this) {
            ws = active;
            if (ws == null || clock.getAsLong() - lastActivity <= keepAlive.staleAfter().toMillis()) {
                return;
            }
        }
        lost(ws, "no " + keepAlive.silence() + " for " + keepAlive.staleAfter().toMillis() + " ms");
        ws.abort();
    }

    private synchronized boolean activity(WebSocket ws) {
        if (ws != active) {
            return false;
        }
        lastActivity = clock.getAsLong();
        return true;
    }

    private static void close(WebSocket ws, String why) {
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, why).whenComplete((x, e) -> ws.abort());
        }
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
            if (keepAlive.pongIsActivity()) {
                activity(ws);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            logger.debug("{}: socket closed ({} {})", name, statusCode, reason);
            lost(ws, "closed by " + venue + " (" + statusCode
                    + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            logger.debug("{}: socket failed: {}", name, error.toString());
            lost(ws, "connection failed: " + describe(error));
        }
    }
}
