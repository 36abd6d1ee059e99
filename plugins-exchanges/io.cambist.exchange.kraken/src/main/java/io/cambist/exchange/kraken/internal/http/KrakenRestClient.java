package io.cambist.exchange.kraken.internal.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.RateLimitException;
import io.cambist.api.security.Signature;
import io.cambist.connector.Futures;
import io.cambist.connector.http.VenueHttp;
import io.cambist.exchange.kraken.internal.KrakenConstants;
import io.cambist.exchange.kraken.internal.dto.KrakenAddOrderResult;
import io.cambist.exchange.kraken.internal.dto.KrakenAssetPair;
import io.cambist.exchange.kraken.internal.dto.KrakenBalance;
import io.cambist.exchange.kraken.internal.dto.KrakenCancelResult;
import io.cambist.exchange.kraken.internal.dto.KrakenClosedOrders;
import io.cambist.exchange.kraken.internal.dto.KrakenOpenOrders;
import io.cambist.exchange.kraken.internal.dto.KrakenOrderInfo;
import io.cambist.exchange.kraken.internal.dto.KrakenResponse;
import io.cambist.exchange.kraken.internal.dto.KrakenTradeInfo;
import io.cambist.exchange.kraken.internal.dto.KrakenWsToken;

/**
 * Kraken spot REST over the JDK {@link HttpClient}: public GETs and private form POSTs signed with a nonce from the
 * {@code NonceGenerator}. Private calls for the account's key go through one lane: each waits for the previous
 * answer, for the API counter to allow it, and only then takes its nonce and is signed and sent, so nonces reach
 * Kraken strictly in order however many threads call at once. Every call is asynchronous (the connector's background
 * work never blocks a scheduler thread on I/O); {@link #await} gives the blocking form.
 */
public final class KrakenRestClient {

    /** What the connector wants to hear about beyond each call's result. */
    public interface Events {
        /** Kraken or the local counter refused for rate; the connection is degraded until {@code until}. */
        default void rateLimited(long until, String reason) {
        }

        /** An answer could not be parsed. */
        default void malformed(String what) {
        }
    }

    private final Logger logger = LoggerFactory.getLogger(KrakenRestClient.class);
    private final VenueHttp transport;
    private final ScheduledExecutorService scheduler;
    private final URI base;
    private final KrakenSigner signer;
    private final ApiCounter counter;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final Duration maxRateWait;
    private final LongSupplier clock;
    private final Events events;
    private final Object laneLock = new Object();
    private CompletableFuture<?> lane = CompletableFuture.completedFuture(null);

    public KrakenRestClient(HttpClient http, ScheduledExecutorService scheduler, URI base, KrakenSigner signer,
            ApiCounter counter, ObjectMapper mapper, Duration timeout, Duration maxRateWait,
            LongSupplier clock, Events events) {
        this.transport = new VenueHttp(KrakenConstants.VENUE, http, scheduler, timeout);
        this.scheduler = scheduler;
        this.base = base;
        this.signer = signer;
        this.counter = counter;
        this.mapper = mapper;
        this.timeout = timeout;
        this.maxRateWait = maxRateWait;
        this.clock = clock;
        this.events = events;
    }

    // ---- endpoints ----

    /** Tradable pairs and their rules ({@code GET /0/public/AssetPairs}). */
    public CompletableFuture<Map<String, KrakenAssetPair>> assetPairs() {
        return get("/0/public/AssetPairs", mapOf(KrakenAssetPair.class));
    }

    /** Balances with the part held by open orders ({@code POST /0/private/BalanceEx}, cost 1). */
    public CompletableFuture<Map<String, KrakenBalance>> balances() {
        return post("/0/private/BalanceEx", Map.of(), 1, mapOf(KrakenBalance.class));
    }

    /** Places an order ({@code POST /0/private/AddOrder}; the trading engine limits it, not the API counter). */
    public CompletableFuture<KrakenAddOrderResult> addOrder(Map<String, String> params) {
        return post("/0/private/AddOrder", params, 0, type(KrakenAddOrderResult.class));
    }

    /** Cancels an order by client order id ({@code POST /0/private/CancelOrder} with {@code cl_ord_id}). */
    public CompletableFuture<KrakenCancelResult> cancelOrder(String clOrdId) {
        return post("/0/private/CancelOrder", Map.of("cl_ord_id", clOrdId), 0, type(KrakenCancelResult.class));
    }

    /** Orders by txid, at most 50, with their trade ids ({@code POST /0/private/QueryOrders}, cost 1). */
    public CompletableFuture<Map<String, KrakenOrderInfo>> queryOrders(Collection<String> txids) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("trades", "true");
        p.put("txid", String.join(",", txids));
        return post("/0/private/QueryOrders", p, 1, mapOf(KrakenOrderInfo.class));
    }

    /** Open orders, optionally only the one with a client order id ({@code POST /0/private/OpenOrders}, cost 1). */
    public CompletableFuture<Map<String, KrakenOrderInfo>> openOrders(String clOrdId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("trades", "true");
        if (clOrdId != null) {
            p.put("cl_ord_id", clOrdId);
        }
        return this.<KrakenOpenOrders>post("/0/private/OpenOrders", p, 1, type(KrakenOpenOrders.class))
                .thenApply(KrakenOpenOrders::open);
    }

    /** The latest closed orders with a client order id ({@code POST /0/private/ClosedOrders}, cost 1). */
    public CompletableFuture<Map<String, KrakenOrderInfo>> closedOrders(String clOrdId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("trades", "true");
        p.put("cl_ord_id", clOrdId);
        return this.<KrakenClosedOrders>post("/0/private/ClosedOrders", p, 1, type(KrakenClosedOrders.class))
                .thenApply(KrakenClosedOrders::closed);
    }

    /** Own trades by trade txid, at most 20 ({@code POST /0/private/QueryTrades}, cost 2 like trade history). */
    public CompletableFuture<Map<String, KrakenTradeInfo>> queryTrades(Collection<String> txids) {
        return post("/0/private/QueryTrades", Map.of("txid", String.join(",", txids)), 2, mapOf(KrakenTradeInfo.class));
    }

    /** A token for the private WebSocket ({@code POST /0/private/GetWebSocketsToken}, cost 1). */
    public CompletableFuture<KrakenWsToken> webSocketsToken() {
        return post("/0/private/GetWebSocketsToken", Map.of(), 1, type(KrakenWsToken.class));
    }

    // ---- machinery ----

    private <T> CompletableFuture<T> get(String path, JavaType type) {
        String what = "GET " + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("User-Agent", KrakenConstants.USER_AGENT).GET().build();
        logger.debug("kraken {}", what);
        return transport.send(request, what, response -> read(response, what, type));
    }

    /**
     * Queues a private call on the lane. It starts once the previous call has its answer; when the API counter is too
     * high it waits for it to decay (refused with {@link RateLimitException} if that takes longer than the configured
     * wait); then it takes a fresh nonce, is signed and sent.
     */
    private <T> CompletableFuture<T> post(String path, Map<String, String> params, int cost, JavaType type) {
        synchronized (laneLock) {
            CompletableFuture<T> call = lane.handle((x, e) -> null).thenCompose(x -> whenAllowed(path, cost))
                    .thenCompose(x -> this.<T>send(path, params, cost, type));
            lane = call;
            return call;
        }
    }

    private CompletableFuture<Void> whenAllowed(String path, int cost) {
        long wait = counter.waitMillis(cost);
        if (wait == 0) {
            return CompletableFuture.completedFuture(null);
        }
        if (wait > maxRateWait.toMillis()) {
            String reason = counter.describe(cost) + ": POST " + path + " would have to wait " + wait + " ms";
            events.rateLimited(clock.getAsLong() + wait, reason);
            return CompletableFuture.failedFuture(new RateLimitException(reason, null, Duration.ofMillis(wait)));
        }
        CompletableFuture<Void> later = new CompletableFuture<>();
        scheduler.schedule(() -> later.complete(null), wait, TimeUnit.MILLISECONDS);
        return later.thenCompose(x -> whenAllowed(path, cost));
    }

    private <T> CompletableFuture<T> send(String path, Map<String, String> params, int cost, JavaType type) {
        String what = "POST " + path;
        HttpRequest request;
        try {
            String nonce = Long.toString(signer.nonce());
            StringBuilder form = new StringBuilder("nonce=").append(nonce);
            params.forEach((k, v) -> VenueHttp.appendParam(form, k, v));
            byte[] body = form.toString().getBytes(StandardCharsets.UTF_8);
            Signature s = signer.sign(path, nonce, body);
            request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("User-Agent", KrakenConstants.USER_AGENT)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header(KrakenConstants.API_KEY_HEADER, s.publicId())
                    .header(KrakenConstants.API_SIGN_HEADER, s.value())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        logger.debug("kraken {} (cost {})", what, cost);
        // counted when the call is over: Kraken counted it on arrival, so ours never decays earlier than theirs
        return transport.send(request, what, () -> counter.spend(cost), response -> read(response, what, type));
    }

    private <T> T read(HttpResponse<String> response, String what, JavaType type) {
        int status = response.statusCode();
        KrakenResponse<T> envelope = null;
        String problem = null;
        try {
            envelope = mapper.readValue(response.body(), mapper.getTypeFactory()
                    .constructParametricType(KrakenResponse.class, type));
        } catch (IOException | RuntimeException e) {
            problem = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage();
        }
        if (status == 429) {
            Duration wait = VenueHttp.retryAfter(response, KrakenConstants.DEFAULT_RETRY_AFTER_MILLIS);
            counter.block(wait, "HTTP 429 from kraken");
            ExchangeException e = KrakenErrors.map(envelope == null ? List.of() : envelope.error(), status,
                    what, wait);
            events.rateLimited(clock.getAsLong() + wait.toMillis(), e.getMessage() + "; retry after "
                    + wait.toSeconds() + " s");
            throw e;
        }
        if (envelope != null && !envelope.error().isEmpty()) {
            if (envelope.error().get(0).contains("Rate limit exceeded")) {
                counter.exceeded();
            }
            Duration wait = Duration.ofMillis(Math.max(1, counter.waitMillis(1)));
            ExchangeException e = KrakenErrors.map(envelope.error(), status, what, wait);
            if (e instanceof RateLimitException) {
                events.rateLimited(clock.getAsLong() + wait.toMillis(), e.getMessage());
            }
            throw e;
        }
        if (status >= 400) {
            throw KrakenErrors.map(List.of(), status, what, Duration.ofMillis(
                    KrakenConstants.DEFAULT_RETRY_AFTER_MILLIS));
        }
        if (envelope == null || envelope.result() == null) {
            events.malformed(what);
            throw new ExchangeException("kraken sent an unreadable answer to " + what + ": "
                    + (problem == null ? "no result" : problem));
        }
        return envelope.result();
    }

    /** Waits for a call and rethrows its failure as the {@link ExchangeException} it is. */
    public static <T> T await(CompletableFuture<T> future) {
        return Futures.await(future, KrakenConstants.VENUE);
    }

    private JavaType type(Class<?> c) {
        return mapper.getTypeFactory().constructType(c);
    }

    private JavaType mapOf(Class<?> c) {
        return mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, c);
    }
}
