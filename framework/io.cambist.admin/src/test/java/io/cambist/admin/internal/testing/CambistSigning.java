package io.cambist.admin.internal.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cambist.api.security.SignedRequest;

/** The admin signing recipe of issue 3, as a client computes it. */
public final class CambistSigning {

    private CambistSigning() {
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String message(String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
        return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + sha256Hex(body);
    }

    public static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signer for {@link InMemoryApi} with a fresh nonce and the current time on every request. */
    public static InMemoryApi.Signer signer(String keyId, String secret) {
        return (method, pq, body) -> {
            String ts = Long.toString(System.currentTimeMillis());
            String nonce = UUID.randomUUID().toString().replace("-", "");
            return Map.of(SignedRequest.KEY, keyId, SignedRequest.TIMESTAMP, ts, SignedRequest.NONCE, nonce,
                    SignedRequest.SIGNATURE, sign(secret, message(method, pq, ts, nonce, body)));
        };
    }
}
