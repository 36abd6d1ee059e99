package io.cambist.exchange.binance.internal.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.InvalidTimestampException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.RateLimitException;
import io.cambist.api.security.Signature;
import io.cambist.connector.Futures;
import io.cambist.connector.http.VenueHttp;
import io.cambist.exchange.binance.internal.BinanceConstants;
import io.cambist.exchange.binance.internal.dto.BinanceAccount;
import io.cambist.exchange.binance.internal.dto.BinanceDepth;
import io.cambist.exchange.binance.internal.dto.BinanceError;
import io.cambist.exchange.binance.internal.dto.BinanceExchangeInfo;
import io.cambist.exchange.binance.internal.dto.BinanceListenKey;
import io.cambist.exchange.binance.internal.dto.BinanceMyTrade;
import io.cambist.exchange.binance.internal.dto.BinanceOrder;
import io.cambist.exchange.binance.internal.dto.BinanceServerTime;

/**
 * Binance spot REST over the JDK {@link HttpClient}: public, API-key and SIGNED requests (timestamp from the
 * {@link ServerClock}, {@code recvWindow}, signature from the vault), request weight accounting, error mapping to the
 * API's exceptions. Every call has an asynchronous form used by the connector's own background work (which never
 * blocks a scheduler thread on I/O) and a blocking form for the {@code ExchangeConnector} methods.
 */
public final class BinanceRestClient {

    /** How a request authenticates. */
    public enum Security {
        NONE, API_KEY, SIGNED
    }

    /** What the connector wants to hear about beyond each call's result. */
    public interface Events {
        /** The venue or the limiter refused for rate; the connection is degraded until {@code until}. */
        default void rateLimited(long until, String reason) {
        }

        /** Binance refused a timestamp (-1021): measure the clock offset again. */
        default void timestampRejected() {
        }

        /** An answer could not be parsed. */
        default void malformed(String what) {
        }
    }

    private final Logger logger = LoggerFactory.getLogger(BinanceRestClient.class);
    private final VenueHttp transport;
    private final URI base;
    private final BinanceSigner signer;
    private final ServerClock clock;
    private final RequestWeightLimiter limiter;
    private final ObjectMapper mapper;
    private final long recvWindow;
    private final Duration timeout;
    private final Events events;

    /**
     * @param executor where answers are processed: the framework's scheduler (the JDK completes {@code sendAsync}
     *                 futures on its own default pool otherwise)
     */
    public BinanceRestClient(HttpClient http, java.util.concurrent.Executor executor, URI base, BinanceSigner signer,
            ServerClock clock, RequestWeightLimiter limiter, ObjectMapper mapper, long recvWindow, Duration timeout,
            Events events) {
        this.transport = new VenueHttp(BinanceConstants.VENUE, http, executor, timeout);
        this.base = base;
        this.signer = signer;
        this.clock = clock;
        this.limiter = limiter;
        this.mapper = mapper;
        this.recvWindow = recvWindow;
        this.timeout = timeout;
        this.events = events;
    }

    // ---- endpoints ----

    /** Measures the server time offset ({@code GET /api/v3/time}, weight 1) and applies it to the clock. */
    public CompletableFuture<Long> syncClock() {
        long sent = clock.local();
        return call("GET", "/api/v3/time", Map.of(), Security.NONE, 1, type(BinanceServerTime.class))
                .thenApply(t -> {
                    clock.update(((BinanceServerTime) t).serverTime(), sent, clock.local());
                    return clock.offset();
                });
    }

    /** Symbols, filters and rate limits ({@code GET /api/v3/exchangeInfo}, weight 20). */
    public CompletableFuture<BinanceExchangeInfo> exchangeInfo() {
        return call("GET", "/api/v3/exchangeInfo", Map.of(), Security.NONE, 20, type(BinanceExchangeInfo.class));
    }

    /** An order book snapshot ({@code GET /api/v3/depth}); weight grows with the limit. */
    public CompletableFuture<BinanceDepth> depth(String symbol, int limit) {
        int weight = limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
        return call("GET", "/api/v3/depth", params("symbol", symbol, "limit", Integer.toString(limit)), Security.NONE,
                weight, type(BinanceDepth.class));
    }

    /** Balances ({@code GET /api/v3/account}, SIGNED, weight 20). */
    public BinanceAccount account() {
        return await(call("GET", "/api/v3/account", Map.of(), Security.SIGNED, 20,
                type(BinanceAccount.class)));
    }

    /** Places an order ({@code POST /api/v3/order}, SIGNED, weight 1). */
    public BinanceOrder newOrder(Map<String, String> orderParams) {
        Map<String, String> p = new LinkedHashMap<>(orderParams);
        p.put("newOrderRespType", "RESULT");
        return await(call("POST", "/api/v3/order", p, Security.SIGNED, 1, type(BinanceOrder.class)));
    }

    /** One order by client order id ({@code GET /api/v3/order}, SIGNED, weight 4); empty when Binance does not know it. */
    public CompletableFuture<Optional<BinanceOrder>> queryOrderAsync(String symbol, String clientOrderId) {
        CompletableFuture<BinanceOrder> f = call("GET", "/api/v3/order",
                params("symbol", symbol, "origClientOrderId", clientOrderId), Security.SIGNED, 4, type(BinanceOrder.class));
        return f.handle((o, e) -> {
            Throwable cause = Futures.unwrap(e);
            if (cause instanceof OrderNotFoundException) {
                return Optional.<BinanceOrder>empty();
            }
            if (cause != null) {
                throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
            }
            return Optional.of(o);
        });
    }

    /** Blocking form of {@link #queryOrderAsync}. */
    public Optional<BinanceOrder> queryOrder(String symbol, String clientOrderId) {
        return await(queryOrderAsync(symbol, clientOrderId));
    }

    /** Cancels by client order id ({@code DELETE /api/v3/order}, SIGNED, weight 1). */
    public BinanceOrder cancelOrder(String symbol, String clientOrderId) {
        return await(call("DELETE", "/api/v3/order", params("symbol", symbol, "origClientOrderId", clientOrderId),
                Security.SIGNED, 1, type(BinanceOrder.class)));
    }

    /** Every open order of the account ({@code GET /api/v3/openOrders} without symbol, SIGNED, weight 80). */
    public List<BinanceOrder> openOrders() {
        return await(call("GET", "/api/v3/openOrders", Map.of(), Security.SIGNED, 80, listOf(BinanceOrder.class)));
    }

    /** The fills of one order ({@code GET /api/v3/myTrades} with orderId, SIGNED, weight 5). */
    public CompletableFuture<List<BinanceMyTrade>> myTradesAsync(String symbol, long orderId) {
        return call("GET", "/api/v3/myTrades", params("symbol", symbol, "orderId", Long.toString(orderId)),
                Security.SIGNED, 5, listOf(BinanceMyTrade.class));
    }

    /** Creates (or returns the active) listen key ({@code POST /api/v3/userDataStream}, API key, weight 2). */
    public CompletableFuture<String> createListenKey() {
        return call("POST", "/api/v3/userDataStream", Map.of(), Security.API_KEY, 2, type(BinanceListenKey.class))
                .thenApply(k -> ((BinanceListenKey) k).listenKey());
    }

    /** Extends a listen key by 60 minutes ({@code PUT /api/v3/userDataStream}, API key, weight 2). */
    public CompletableFuture<Object> keepAliveListenKey(String listenKey) {
        return call("PUT", "/api/v3/userDataStream", params("listenKey", listenKey), Security.API_KEY, 2,
                type(Object.class));
    }

    /** Closes a listen key ({@code DELETE /api/v3/userDataStream}, API key, weight 2). */
    public CompletableFuture<Object> closeListenKey(String listenKey) {
        return call("DELETE", "/api/v3/userDataStream", params("listenKey", listenKey), Security.API_KEY, 2,
                type(Object.class));
    }

    // ---- machinery ----

    /**
     * Sends one request. Local refusals (rate limiter, signer) complete the future exceptionally; nothing is sent.
     */
    public <T> CompletableFuture<T> call(String method, String path, Map<String, String> params, Security security,
            int weight, JavaType type) {
        String what = method + " " + path;
        HttpRequest request;
        try {
            limiter.acquire(weight);
            StringBuilder query = new StringBuilder(encode(params));
            HttpRequest.Builder b = HttpRequest.newBuilder().timeout(timeout);
            if (security == Security.SIGNED) {
                String timestamp = Long.toString(clock.now());
                VenueHttp.appendParam(query, "recvWindow", Long.toString(recvWindow));
                VenueHttp.appendParam(query, "timestamp", timestamp);
                Signature s = signer.sign(method, path, query.toString(), new byte[0], timestamp);
                VenueHttp.appendParam(query, "signature", s.value());
                b.header(BinanceConstants.API_KEY_HEADER, s.publicId());
            } else if (security == Security.API_KEY) {
                Signature s = signer.sign(method, path, query.toString(), new byte[0], null);
                b.header(BinanceConstants.API_KEY_HEADER, s.publicId());
            }
            URI uri = URI.create(base + path + (query.length() == 0 ? "" : "?" + query));
            request = b.uri(uri).method(method, HttpRequest.BodyPublishers.noBody()).build();
        } catch (RateLimitException e) {
            events.rateLimited(clock.now() + e.retryAfter().toMillis(), e.getMessage());
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        logger.debug("binance {} (weight {})", what, weight);
        return transport.send(request, what, response -> read(response, what, type));
    }

    @SuppressWarnings("unchecked")
    private <T> T read(HttpResponse<String> response, String what, JavaType type) {
        response.headers().firstValue(BinanceConstants.USED_WEIGHT_HEADER).ifPresent(v -> {
            try {
                limiter.reported(Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                events.malformed(what + " weight header");
            }
        });
        int status = response.statusCode();
        if (status == 429 || status == 418) {
            Duration retryAfter = VenueHttp.retryAfter(response, BinanceConstants.DEFAULT_RETRY_AFTER_MILLIS);
            limiter.trip(status, retryAfter);
            BinanceError err = error(response.body());
            String reason = "binance " + (status == 418 ? "banned this IP" : "rate limited") + " " + what + " (HTTP "
                    + status + (err == null ? "" : ", " + err.msg()) + "); retry after " + retryAfter.toSeconds() + " s";
            events.rateLimited(clock.now() + retryAfter.toMillis(), reason);
            throw new RateLimitException(reason, err == null ? Integer.toString(status) : Integer.toString(err.code()),
                    retryAfter);
        }
        if (status >= 400) {
            BinanceError err = error(response.body());
            ExchangeException e = BinanceErrors.map(err == null ? 0 : err.code(), err == null ? null : err.msg(), status,
                    what);
            if (e instanceof InvalidTimestampException) {
                events.timestampRejected();
            }
            throw e;
        }
        try {
            return (T) mapper.readValue(response.body(), type);
        } catch (IOException e) {
            events.malformed(what);
            throw new ExchangeException("binance sent an unreadable answer to " + what + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private BinanceError error(String body) {
        try {
            BinanceError e = mapper.readValue(body, BinanceError.class);
            return e.msg() == null && e.code() == 0 ? null : e;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Waits for a call and rethrows its failure as the {@link ExchangeException} it is. */
    public static <T> T await(CompletableFuture<T> future) {
        return Futures.await(future, BinanceConstants.VENUE);
    }

    private JavaType type(Class<?> c) {
        return mapper.getTypeFactory().constructType(c);
    }

    private JavaType listOf(Class<?> c) {
        return mapper.getTypeFactory().constructCollectionType(List.class, c);
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String encode(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> VenueHttp.appendParam(sb, k, v));
        return sb.toString();
    }
}
