package io.cambist.api.security;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An inbound HTTP request to verify.
 *
 * @param method        HTTP method
 * @param pathAndQuery  the raw path with {@code ?query}, as received
 * @param headers       header name (any case) to value
 * @param body          the raw body bytes
 * @param remoteAddress the client's address
 */
public record SignedRequest(String method, String pathAndQuery, Map<String, String> headers, byte[] body,
        String remoteAddress) {

    /** Header carrying the key id. */
    public static final String KEY = "X-Cambist-Key";
    /** Header carrying the Unix epoch milliseconds timestamp. */
    public static final String TIMESTAMP = "X-Cambist-Timestamp";
    /** Header carrying the nonce, 16 to 64 characters of {@code [A-Za-z0-9_-]}. */
    public static final String NONCE = "X-Cambist-Nonce";
    /** Header carrying the lowercase hex HMAC-SHA256 signature. */
    public static final String SIGNATURE = "X-Cambist-Signature";

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        }
        headers = java.util.Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body;
    }

    /** A header, looked up case-insensitively, or {@code null}. */
    public String header(String name) {
        return headers.get(name);
    }
}
