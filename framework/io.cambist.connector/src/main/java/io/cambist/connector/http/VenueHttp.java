package io.cambist.connector.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.connector.Futures;

/**
 * Sends a connector's REST requests on the JDK {@link HttpClient} and hands each answer to the caller's reader on the
 * given executor (the framework's scheduler: the JDK completes {@code sendAsync} futures on its own pool otherwise).
 * A request that gets no answer (timeout, refused or lost connection) fails with {@link ExchangeUnavailableException}
 * saying the outcome is unknown, so callers reconcile by client order id before retrying.
 */
public final class VenueHttp {

    private final String venue;
    private final HttpClient http;
    private final Executor executor;
    private final Duration timeout;

    /**
     * @param venue   the venue's name for messages, e.g. {@code binance}
     * @param timeout the request timeout the caller sets on its requests, for the message when it expires
     */
    public VenueHttp(String venue, HttpClient http, Executor executor, Duration timeout) {
        this.venue = venue;
        this.http = http;
        this.executor = executor;
        this.timeout = timeout;
    }

    /**
     * Sends one request; the reader turns the answer into the result (and throws the venue's errors).
     *
     * @param what the request for messages, e.g. {@code GET /api/v3/account}
     */
    public <T> CompletableFuture<T> send(HttpRequest request, String what, Function<HttpResponse<String>, T> reader) {
        return send(request, what, () -> {
        }, reader);
    }

    /**
     * Sends one request; {@code answered} runs first once it is over, answered or not (e.g. to count the call
     * against a rate counter), then the reader turns the answer into the result.
     */
    public <T> CompletableFuture<T> send(HttpRequest request, String what, Runnable answered,
            Function<HttpResponse<String>, T> reader) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handleAsync((response, error) -> {
            answered.run();
            if (error != null) {
                throw unavailable(what, Futures.unwrap(error));
            }
            return reader.apply(response);
        }, executor);
    }

    /** The exception for a request that got no answer: timeout, unreachable or failed, with the outcome unknown. */
    public ExchangeException unavailable(String what, Throwable cause) {
        if (cause instanceof ExchangeException e) {
            return e;
        }
        String how = cause instanceof HttpTimeoutException ? "did not answer within " + timeout.toMillis() + " ms"
                : cause instanceof IOException ? "could not be reached (" + cause.getMessage() + ")"
                : "failed (" + cause + ")";
        return new ExchangeUnavailableException(venue + " " + how + " for " + what
                + "; the outcome is unknown, reconcile by client order id before retrying", cause);
    }

    /** The answer's {@code Retry-After} in seconds (a positive whole number), else the default. */
    public static Duration retryAfter(HttpResponse<?> response, long defaultMillis) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                long s = Long.parseLong(v.trim());
                return s > 0 ? Duration.ofSeconds(s) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(Duration.ofMillis(defaultMillis));
    }

    /** Appends {@code key=value}, both URL-encoded as UTF-8, to a query string or form body ({@code &} between). */
    public static void appendParam(StringBuilder sb, String key, String value) {
        if (sb.length() > 0) {
            sb.append('&');
        }
        sb.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
