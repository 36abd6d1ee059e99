package io.cambist.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cambist.api.security.KeyEncoding;

/** HMAC helpers for tests and fake venues, which hold test secrets in the clear (connectors never do). */
public final class Hmac {

    private Hmac() {
    }

    /** The MAC of a message with a key given as text in the stated encoding. */
    public static byte[] mac(String algorithm, KeyEncoding encoding, String secret, byte[] message) {
        byte[] key = switch (encoding) {
            case UTF8 -> secret.getBytes(StandardCharsets.UTF_8);
            case BASE64 -> Base64.getDecoder().decode(secret);
            case HEX -> HexFormat.of().parseHex(secret);
        };
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot compute " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /** Lowercase hex HMAC-SHA256 keyed with the UTF-8 bytes of the secret (Binance, Cambist). */
    public static String sha256Hex(String secret, String message) {
        return HexFormat.of().formatHex(mac("HmacSHA256", KeyEncoding.UTF8, secret, message.getBytes(StandardCharsets.UTF_8)));
    }
}
