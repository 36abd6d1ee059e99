package io.cambist.exchange.kraken.internal.ws;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.connector.ConnectionHealth;
import io.cambist.connector.OrderReconciler;
import io.cambist.connector.OrderTracker;
import io.cambist.connector.ws.MessageGuard;
import io.cambist.connector.ws.ReconnectingWebSocket;
import io.cambist.exchange.kraken.internal.KrakenAdapters;
import io.cambist.exchange.kraken.internal.KrakenInstruments;
import io.cambist.exchange.kraken.internal.KrakenSettings;
import io.cambist.exchange.kraken.internal.OrderRecovery;
import io.cambist.exchange.kraken.internal.dto.KrakenExecution;
import io.cambist.exchange.kraken.internal.http.KrakenRestClient;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Ack;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Executions;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser.Message;

/**
 * The private {@code executions} channel: fetches a token with {@code GetWebSocketsToken} before every connection (a
 * token only serves new connections for 15 minutes), subscribes with the open orders snapshot, turns order events
 * into execution reports through the {@link OrderTracker} (fills deduplicated by {@code exec_id}), checks the
 * channel's sequence numbers, and after every (re)subscription or gap asks the venue about the orders that may have
 * changed meanwhile ({@link OrderRecovery}), so no fill is lost or reported twice.
 */
public final class KrakenExecutionStream implements ReconnectingWebSocket.Handler {

    private final Logger logger = LoggerFactory.getLogger(KrakenExecutionStream.class);
    private final KrakenSettings settings;
    private final KrakenRestClient rest;
    private final KrakenStreamParser parser;
    private final ObjectMapper mapper;
    private final KrakenInstruments instruments;
    private final OrderTracker tracker;
    private final OrderReconciler reconciler;
    private final ConnectionHealth health;
    private final AtomicLong malformed;
    private final MessageGuard guard;
    private final LongSupplier clock;
    private final ScheduledExecutorService scheduler;
    private final ReconnectingWebSocket socket;
    private final AtomicLong requests = new AtomicLong();
    private volatile String token;
    private long lastSequence;
    private long connections;
    private boolean subscribed;
    private ScheduledFuture<?> answerCheck;

    public KrakenExecutionStream(KrakenSettings settings, KrakenStreamClient.SocketFactory sockets,
            KrakenRestClient rest, KrakenStreamParser parser, ObjectMapper mapper, KrakenInstruments instruments,
            OrderTracker tracker, OrderRecovery recovery, ConnectionHealth health, AtomicLong malformed,
            LongSupplier clock, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.rest = rest;
        this.parser = parser;
        this.mapper = mapper;
        this.instruments = instruments;
        this.tracker = tracker;
        this.reconciler = new OrderReconciler(recovery::recover, tracker, health,
                "reconciling open orders with kraken after the private stream (re)connected");
        this.health = health;
        this.malformed = malformed;
        this.guard = new MessageGuard("kraken private stream", malformed);
        this.clock = clock;
        this.scheduler = scheduler;
        this.socket = sockets.create("kraken private stream " + settings.account(), this);
    }

    /** Opens the stream. */
    public void start() {
        health.set("user", ConnectionState.CONNECTING, "opening the kraken private stream");
        socket.start();
    }

    /** Closes the stream. */
    public void stop() {
        synchronized (this) {
            if (answerCheck != null) {
                answerCheck.cancel(false);
            }
        }
        socket.stop();
    }

    /** The socket, for tests. */
    ReconnectingWebSocket socket() {
        return socket;
    }

    @Override
    public CompletableFuture<URI> target() {
        return rest.webSocketsToken().thenApply(t -> {
            if (t.token() == null || t.token().isEmpty()) {
                throw new IllegalStateException("kraken sent an empty websocket token");
            }
            token = t.token();
            return settings.privateStreamUrl();
        });
    }

    @Override
    public void opened(boolean planned) {
        long connection;
        synchronized (this) {
            lastSequence = 0;
            subscribed = false;
            connection = ++connections;
        }
        // a subscription Kraken never answers would leave the stream silently useless: connect again
        ScheduledFuture<?> check = scheduler.schedule(() -> {
            boolean answered;
            synchronized (this) {
                answered = subscribed || connection != connections;
            }
            if (!answered) {
                socket.reconnect("kraken did not answer the executions subscription within "
                        + settings.staleAfter().toMillis() + " ms");
            }
        }, settings.staleAfter().toMillis(), TimeUnit.MILLISECONDS);
        synchronized (this) {
            if (answerCheck != null) {
                answerCheck.cancel(false);
            }
            answerCheck = check;
        }
        health.set("user", ConnectionState.CONNECTING, "subscribing to the kraken executions channel");
        ObjectNode root = mapper.createObjectNode();
        root.put("method", "subscribe");
        ObjectNode params = root.putObject("params");
        params.put("channel", "executions");
        params.put("token", token);
        params.put("snap_orders", true);
        params.put("snap_trades", false);
        root.put("req_id", requests.incrementAndGet());
        socket.send(root.toString());
    }

    @Override
    public void down(String reason, long retryMillis, int attempt) {
        health.streamDown("user", "kraken private stream", reason, retryMillis, attempt);
    }

    @Override
    public void message(String text) {
        Message m = guard.parse(text, parser::parse);
        if (m instanceof Ack a && "subscribe".equals(a.method())) {
            if (a.success()) {
                synchronized (this) {
                    subscribed = true;
                }
                health.clear("user");
                recover();
            } else {
                String reason = "kraken refused the executions subscription: " + a.error();
                logger.info("kraken account {}: {}", settings.account(), reason);
                socket.reconnect(reason);
            }
        } else if (m instanceof Executions x) {
            onExecutions(x);
        }
    }

    private void onExecutions(Executions x) {
        if (x.sequence() != null) {
            boolean gap;
            synchronized (this) {
                if (lastSequence != 0 && x.sequence() <= lastSequence) {
                    malformed.incrementAndGet();
                    logger.debug("kraken executions message {} after {}: out of order, skipped", x.sequence(), lastSequence);
                    return;
                }
                gap = lastSequence != 0 && x.sequence() > lastSequence + 1;
                lastSequence = x.sequence();
            }
            if (gap) {
                malformed.incrementAndGet();
                logger.debug("kraken executions: messages before {} are missing; asking the venue", x.sequence());
                recover();
            }
        }
        boolean snapshot = "snapshot".equals(x.type());
        for (KrakenExecution e : x.data()) {
            try {
                onExecution(e, snapshot);
            } catch (RuntimeException ex) {
                malformed.incrementAndGet();
                logger.debug("kraken executions: skipped unusable event for order {}: {}", e.orderId(), ex.toString());
            }
        }
    }

    private void onExecution(KrakenExecution e, boolean snapshot) {
        ClientOrderId id = e.clOrdId() != null && !e.clOrdId().isEmpty() ? ClientOrderId.of(e.clOrdId())
                : tracker.clientOrderId(e.orderId()).orElse(null);
        if (id == null) {
            logger.debug("kraken executions: order {} has no client order id (not placed by Cambist)", e.orderId());
            return;
        }
        Optional<VenueOrder> known = tracker.known(id);
        Instrument instrument = instruments.bySymbol(e.symbol()).map(KrakenInstruments.Rules::instrument)
                .or(() -> known.map(VenueOrder::instrument)).orElse(null);
        if (instrument == null) {
            throw new IllegalArgumentException("unknown symbol " + e.symbol());
        }
        VenueOrder base = known.orElseGet(() -> KrakenAdapters.initial(id, instrument, e));
        if ("pending_new".equals(e.execType())) {
            tracker.placed(KrakenAdapters.report(settings.account(), e, base, instruments::currency,
                    clock.getAsLong()).order());
            return;
        }
        ExecutionReport report = KrakenAdapters.report(settings.account(), e, base, instruments::currency,
                clock.getAsLong());
        if (snapshot && known.isEmpty()) {
            tracker.adopt(report.order());
            return;
        }
        tracker.offer(report);
    }

    /** Asks the venue about the orders that may owe updates; runs once at a time, again if asked meanwhile. */
    void recover() {
        reconciler.recover();
    }
}
