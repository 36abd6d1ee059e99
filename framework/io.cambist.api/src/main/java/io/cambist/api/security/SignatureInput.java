package io.cambist.api.security;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The parts of a request a signature scheme may cover. Each scheme picks what it needs:
 * Binance the query and body, Kraken the path, nonce and body, Coinbase the timestamp, method, path and body,
 * Cambist all of them.
 *
 * @param method    HTTP method, upper case
 * @param path      request path without the query, e.g. {@code /0/private/AddOrder}
 * @param query     the raw query string without {@code ?}, or empty
 * @param body      the raw body bytes, or empty
 * @param nonce     the nonce, or {@code null}
 * @param timestamp the timestamp as the scheme writes it, or {@code null}
 */
public record SignatureInput(String method, String path, String query, byte[] body, String nonce, String timestamp) {

    private static final byte[] EMPTY = new byte[0];

    public SignatureInput {
        method = method == null ? "" : method;
        path = path == null ? "" : path;
        query = query == null ? "" : query;
        body = body == null ? EMPTY : body;
    }

    /** Path plus {@code ?query} when there is a query. */
    public String pathAndQuery() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureInput s && method.equals(s.method) && path.equals(s.path) && query.equals(s.query)
                && java.util.Arrays.equals(body, s.body) && Objects.equals(nonce, s.nonce)
                && Objects.equals(timestamp, s.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, nonce, timestamp) * 31 + java.util.Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "SignatureInput[" + method + " " + pathAndQuery() + ", body=" + body.length + " bytes, nonce=" + nonce
                + ", timestamp=" + timestamp + "]";
    }
}
