package io.cambist.distribution.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The whole-product tests' one way to call the admin API. Every request except the health check is signed with the
 * key in {@code <data>/admin.key} ({@code {"keyId": "...", "secret": "..."}}), following the recipe of issue 3:
 * lowercase hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of
 * {@code METHOD \n PATH_AND_QUERY \n TIMESTAMP \n NONCE \n lowercase_hex(SHA-256(body))}.
 */
public final class AdminClient {

    public static final String KEY = "X-Cambist-Key";
    public static final String TIMESTAMP = "X-Cambist-Timestamp";
    public static final String NONCE = "X-Cambist-Nonce";
    public static final String SIGNATURE = "X-Cambist-Signature";

    private static final Pattern KEY_ID = Pattern.compile("\"keyId\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI base;
    private final Path keyFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param base    the admin API base, e.g. {@code http://127.0.0.1:8080/api/v1}
     * @param dataDir the container's data directory (where the first admin key is written)
     */
    public AdminClient(URI base, Path dataDir) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.keyFile = dataDir.resolve("admin.key");
    }

    /** An HTTP response: status and body. */
    public record Response(int status, String body) {

        /** The first {@code "name": number} in the body. */
        public Optional<Long> number(String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\d+)").matcher(body);
            return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, byte[] body, String contentType) {
        return send("POST", path, body, contentType);
    }

    public Response put(String path, byte[] body, String contentType) {
        return send("PUT", path, body, contentType);
    }

    /** Polls {@code path} with GET until it answers {@code status}; returns the last response. */
    public Response await(String path, int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path);
                if (last.status() == status) {
                    return last;
                }
            } catch (UncheckedIOException e) {
                last = new Response(-1, e.getCause().toString());
            }
            Thread.sleep(100);
        }
        return last;
    }

    /** Waits until the container has written its first admin key. */
    public void awaitKey(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.isRegularFile(keyFile) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private Response send(String method, String path, byte[] body, String contentType) {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!(method.equals("GET") && path.equals("/health"))) {
            sign(request, method, uri, body == null ? new byte[0] : body);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void sign(HttpRequest.Builder request, String method, URI uri, byte[] body) {
        if (!Files.isRegularFile(keyFile)) {
            return; // unauthenticated: the container answers 401, which the test then sees
        }
        try {
            String json = Files.readString(keyFile);
            String keyId = group(KEY_ID, json);
            String secret = group(SECRET, json);
            String timestamp = String.valueOf(System.currentTimeMillis());
            byte[] nonceBytes = new byte[16];
            RANDOM.nextBytes(nonceBytes);
            String nonce = HexFormat.of().formatHex(nonceBytes);
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            String message = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
            request.header(KEY, keyId).header(TIMESTAMP, timestamp).header(NONCE, nonce).header(SIGNATURE, signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String group(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("admin.key has no " + pattern.pattern());
        }
        return m.group(1);
    }
}
