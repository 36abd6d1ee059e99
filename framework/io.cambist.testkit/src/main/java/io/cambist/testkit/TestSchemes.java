package io.cambist.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;

/**
 * Venue signature schemes as the venues document them, for the {@link TestSigner} and for fake venues that check
 * signatures. The production schemes live in the security bundles; these are independent test oracles.
 */
public final class TestSchemes {

    private TestSchemes() {
    }

    /**
     * Binance SIGNED endpoints (rest-api.md "SIGNED Endpoint security"): HMAC-SHA256 keyed with the UTF-8 secret over
     * {@code totalParams}, the query string concatenated with the request body, as lowercase hex.
     */
    public static SignatureScheme binance() {
        return new Scheme("binance", "HmacSHA256", KeyEncoding.UTF8) {
            @Override
            public byte[] message(SignatureInput input) {
                byte[] q = input.query().getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[q.length + input.body().length];
                System.arraycopy(q, 0, out, 0, q.length);
                System.arraycopy(input.body(), 0, out, q.length, input.body().length);
                return out;
            }

            @Override
            public String encode(byte[] mac) {
                return HexFormat.of().formatHex(mac);
            }

            @Override
            public byte[] decode(String signature) {
                try {
                    return HexFormat.of().parseHex(signature.toLowerCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        };
    }

    /**
     * Kraken private REST (docs.kraken.com "Spot REST authentication"): HMAC-SHA512 keyed with the base64-decoded
     * secret over {@code uriPath || SHA256(nonce || postData)}, base64 encoded.
     */
    public static SignatureScheme kraken() {
        return new Scheme("kraken", "HmacSHA512", KeyEncoding.BASE64) {
            @Override
            public byte[] message(SignatureInput input) {
                try {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    sha.update((input.nonce() == null ? "" : input.nonce()).getBytes(StandardCharsets.UTF_8));
                    sha.update(input.body());
                    byte[] hash = sha.digest();
                    byte[] path = input.path().getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[path.length + hash.length];
                    System.arraycopy(path, 0, out, 0, path.length);
                    System.arraycopy(hash, 0, out, path.length, hash.length);
                    return out;
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public String encode(byte[] mac) {
                return Base64.getEncoder().encodeToString(mac);
            }

            @Override
            public byte[] decode(String signature) {
                try {
                    return Base64.getDecoder().decode(signature);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        };
    }

    private abstract static class Scheme implements SignatureScheme {
        private final String name;
        private final String algorithm;
        private final KeyEncoding encoding;

        Scheme(String name, String algorithm, KeyEncoding encoding) {
            this.name = name;
            this.algorithm = algorithm;
            this.encoding = encoding;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String algorithm() {
            return algorithm;
        }

        @Override
        public KeyEncoding keyEncoding() {
            return encoding;
        }
    }
}
