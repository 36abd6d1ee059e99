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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final String keyId;
    private final String secret;
    private final List<Response> record;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param base    the admin API base, e.g. {@code http://127.0.0.1:8080/api/v1}
     * @param dataDir the container's data directory (where the first admin key is written)
     */
    public AdminClient(URI base, Path dataDir) {
        this(URI.create(base.toString().replaceAll("/+$", "")), dataDir.resolve("admin.key"), null, null, null);
    }

    private AdminClient(URI base, Path keyFile, String keyId, String secret, List<Response> record) {
        this.base = base;
        this.keyFile = keyFile;
        this.keyId = keyId;
        this.secret = secret;
        this.record = record;
    }

    /** A client for the same API that signs with this key instead of {@code admin.key}. */
    public AdminClient withKey(String newKeyId, String newSecret) {
        return new AdminClient(base, keyFile, newKeyId, newSecret, record);
    }

    /** A client that also appends every response it receives to {@code sink} (for the secret scans). */
    public AdminClient recordingTo(List<Response> sink) {
        return new AdminClient(base, keyFile, keyId, secret, sink);
    }

    /** The admin API base URI, e.g. {@code http://127.0.0.1:8080/api/v1}. */
    public URI base() {
        return base;
    }

    /**
     * A request signed once, so that it can be sent again unchanged (a replay).
     *
     * @param headers the four signature headers (empty when there is no key to sign with)
     */
    public record Signed(String method, URI uri, byte[] body, String contentType, Map<String, String> headers) {
    }

    /** An HTTP response: status and body. */
    public record Response(int status, String body) {

        /** The first {@code "name": "text"} in the body. */
        public Optional<String> text(String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

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

    /**
     * Waits until a signed request is answered 200: the first admin key exists and the security bundles (verifier,
     * key ring, nonce store) are up, which on a loaded machine can take a while after {@code /health} answers.
     */
    public Response awaitSigned(Duration timeout) throws InterruptedException {
        awaitKey(timeout);
        Response last = await("/bundles/0", 200, timeout);
        if (last == null || last.status() != 200) {
            throw new AssertionError("a signed GET /bundles/0 did not answer 200 within " + timeout + ": " + last);
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
        boolean unsigned = method.equals("GET") && path.equals("/health");
        return send(unsigned ? unsigned(method, path) : prepare(method, path, body, contentType));
    }

    /** Signs a request now (fresh timestamp and nonce) without sending it. */
    public Signed prepare(String method, String path, byte[] body, String contentType) {
        URI uri = URI.create(base + path);
        byte[] bytes = body == null ? new byte[0] : body;
        return new Signed(method, uri, body, contentType, signatureHeaders(method, uri, bytes));
    }

    private Signed unsigned(String method, String path) {
        return new Signed(method, URI.create(base + path), null, null, Map.of());
    }

    /** Sends a prepared request exactly as it was signed. */
    public Response send(Signed signed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.uri()).timeout(Duration.ofSeconds(30))
                .method(signed.method(), signed.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        if (signed.contentType() != null) {
            request.header("Content-Type", signed.contentType());
        }
        signed.headers().forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response r = new Response(response.statusCode(), response.body());
            if (record != null) {
                record.add(r);
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> signatureHeaders(String method, URI uri, byte[] body) {
        String id = keyId;
        String key = secret;
        if (id == null) {
            if (!Files.isRegularFile(keyFile)) {
                return Map.of(); // unauthenticated: the container answers 401, which the test then sees
            }
            try {
                String json = Files.readString(keyFile);
                id = group(KEY_ID, json);
                key = group(SECRET, json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            String timestamp = String.valueOf(System.currentTimeMillis());
            byte[] nonceBytes = new byte[16];
            RANDOM.nextBytes(nonceBytes);
            String nonce = HexFormat.of().formatHex(nonceBytes);
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            String message = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(KEY, id);
            headers.put(TIMESTAMP, timestamp);
            headers.put(NONCE, nonce);
            headers.put(SIGNATURE, signature);
            return headers;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret of {@code admin.key} (for the tests that search logs and responses for it). */
    public String adminSecret() {
        try {
            return group(SECRET, Files.readString(keyFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
