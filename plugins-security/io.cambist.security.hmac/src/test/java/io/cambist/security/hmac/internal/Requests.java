package io.cambist.security.hmac.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import io.cambist.api.security.SignedRequest;

/** A client of the admin API in a few lines: signs requests with the documented recipe, independently of the code. */
final class Requests {

    private Requests() {
    }

    static SignedRequest signed(String secret, String keyId, String method, String pathAndQuery, String body, long ts,
            String nonce) {
        try {
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bodyBytes));
            String message = method + "\n" + pathAndQuery + "\n" + ts + "\n" + nonce + "\n" + bodyHash;
            String signature = HexFormat.of().formatHex(PublishedExamplesTest.hmac("HmacSHA256",
                    secret.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8)));
            Map<String, String> headers = new HashMap<>();
            headers.put(SignedRequest.KEY, keyId);
            headers.put(SignedRequest.TIMESTAMP, Long.toString(ts));
            headers.put(SignedRequest.NONCE, nonce);
            headers.put(SignedRequest.SIGNATURE, signature);
            return new SignedRequest(method, pathAndQuery, headers, bodyBytes, "127.0.0.1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same request with one header replaced (null removes it). */
    static SignedRequest with(SignedRequest r, String header, String value) {
        Map<String, String> headers = new HashMap<>(r.headers());
        if (value == null) {
            headers.remove(header.toLowerCase(java.util.Locale.ROOT));
        } else {
            headers.put(header.toLowerCase(java.util.Locale.ROOT), value);
        }
        return new SignedRequest(r.method(), r.pathAndQuery(), headers, r.body(), r.remoteAddress());
    }
}
