package io.cambist.testkit.venue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fake venue answers to one HTTP request: a status, headers and a body, optionally after a delay, or an
 * abruptly closed connection.
 *
 * @param status      HTTP status; ignored when {@code drop} is set
 * @param headers     response headers
 * @param body        response body (sent as {@code application/json} unless a Content-Type header says otherwise)
 * @param delayMillis how long to wait before answering
 * @param drop        close the connection without any response
 */
public record FakeResponse(int status, Map<String, String> headers, String body, long delayMillis, boolean drop) {

    public FakeResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** 200 with a JSON body. */
    public static FakeResponse json(String body) {
        return json(200, body);
    }

    /** A JSON body with the given status. */
    public static FakeResponse json(int status, String body) {
        return new FakeResponse(status, Map.of(), body, 0, false);
    }

    /**
     * A rate-limit answer (HTTP 429, or 418 for an IP ban) with {@code Retry-After} in seconds, the way Binance sends
     * it, and a venue error body.
     */
    public static FakeResponse rateLimited(int status, long retryAfterSeconds, String body) {
        return new FakeResponse(status, Map.of("Retry-After", Long.toString(retryAfterSeconds)), body, 0, false);
    }

    /** 200 with a body that is not valid JSON. */
    public static FakeResponse malformed() {
        return json(200, "{\"truncated\": [1, 2");
    }

    /** A connection closed before any response was written. */
    public static FakeResponse dropConnection() {
        return new FakeResponse(0, Map.of(), "", 0, true);
    }

    /** The same answer with one more header. */
    public FakeResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new FakeResponse(status, h, body, delayMillis, drop);
    }

    /** The same answer sent after a delay. */
    public FakeResponse delayed(long millis) {
        return new FakeResponse(status, headers, body, millis, drop);
    }
}
