package io.cambist.security.hmac.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;

/**
 * Computes a scheme's signature from raw secret and payload bytes, without OSGi and without a vault, so an
 * integrator can see what a venue expects ({@code cambist sign}). The secret's bytes become the key the way the
 * scheme says (UTF-8 as is, base64 or hex decoded); the payload is the request body (Binance: the query string or
 * body as signed). Nothing is added to or removed from either, not even a trailing newline.
 */
public final class SignTool {

    private static final Map<String, SignatureScheme> SCHEMES = new TreeMap<>(Map.of(
            BinanceScheme.NAME, new BinanceScheme(), KrakenScheme.NAME, new KrakenScheme(),
            CoinbaseScheme.NAME, new CoinbaseScheme(), CambistScheme.NAME, new CambistScheme()));

    private SignTool() {
    }

    /**
     * Signs.
     *
     * @param scheme    {@code binance}, {@code kraken}, {@code coinbase} or {@code cambist}
     * @param secret    the secret exactly as the venue issued it (e.g. the bytes of a file)
     * @param payload   the bytes signed as the body (Binance: query string and/or body, concatenated)
     * @param nonce     the nonce (kraken, cambist), or null
     * @param path      the request path (kraken, coinbase; cambist: path with {@code ?query}), or null
     * @param timestamp the timestamp as sent (coinbase, cambist), or null
     * @param method    the HTTP method (coinbase, cambist), or null
     * @return the signature as the venue expects it in its header
     * @throws IllegalArgumentException for an unknown scheme, a secret the scheme cannot decode, or a missing part
     */
    public static String sign(String scheme, byte[] secret, byte[] payload, String nonce, String path,
            String timestamp, String method) {
        SignatureScheme s = SCHEMES.get(scheme);
        if (s == null) {
            throw new IllegalArgumentException("unknown scheme '" + scheme + "': use one of "
                    + String.join(", ", SCHEMES.keySet()));
        }
        byte[] key = keyBytes(s, secret);
        try {
            byte[] message = s.message(new SignatureInput(method, path, "", payload, nonce, timestamp));
            Mac mac = Mac.getInstance(s.algorithm());
            mac.init(new SecretKeySpec(key, s.algorithm()));
            return s.encode(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(s.algorithm() + " is not available in this Java runtime", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] keyBytes(SignatureScheme s, byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the secret is empty");
        }
        return switch (s.keyEncoding()) {
            case UTF8 -> secret.clone();
            case BASE64 -> {
                try {
                    yield Base64.getDecoder().decode(secret);
                } catch (IllegalArgumentException e) {
                    boolean newline = secret[secret.length - 1] == '\n';
                    throw new IllegalArgumentException("the " + s.name() + " secret must be base64" + (newline
                            ? "; it ends with a newline, which is not part of a base64 secret: remove it" : ""));
                }
            }
            case HEX -> {
                byte[] key = Codecs.unhex(new String(secret, StandardCharsets.US_ASCII));
                if (key == null) {
                    throw new IllegalArgumentException("the " + s.name() + " secret must be hex");
                }
                yield key;
            }
        };
    }

    /**
     * {@code --scheme NAME --secret-file F --payload-file P [--nonce N] [--path P] [--timestamp T] [--method M]}:
     * prints the signature; exit code 2 for bad usage.
     */
    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.containsKey("scheme") || !options.containsKey("secret-file")
                || !options.containsKey("payload-file")) {
            System.err.println("usage: --scheme NAME --secret-file F --payload-file P [--nonce N] [--path P] "
                    + "[--timestamp T] [--method M]");
            System.exit(2);
        }
        try {
            byte[] secret = Files.readAllBytes(Path.of(options.get("secret-file")));
            byte[] payload = Files.readAllBytes(Path.of(options.get("payload-file")));
            System.out.println(sign(options.get("scheme"), secret, payload, options.get("nonce"), options.get("path"),
                    options.get("timestamp"), options.get("method")));
            Arrays.fill(secret, (byte) 0);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("sign: " + e.getMessage());
            System.exit(2);
        }
    }
}
