package io.cambist.launcher.internal.admin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.LongSupplier;

import io.cambist.api.security.SignedRequest;
import io.cambist.launcher.CambistException;
import io.cambist.security.hmac.internal.SignTool;

/**
 * Sends one signed admin API request, following the recipe of docs/admin-api.md: headers {@code X-Cambist-Key},
 * {@code X-Cambist-Timestamp} (now, epoch ms), {@code X-Cambist-Nonce} (32 random hex characters) and
 * {@code X-Cambist-Signature} (the {@code cambist} scheme of the hmac bundle over method, raw path and query,
 * timestamp, nonce and the body's SHA-256).
 */
public final class AdminClient {

    /** The status and body of an answer. */
    public record Response(int status, String contentType, byte[] body) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI origin;
    private final AdminKey key;
    private final Duration timeout;
    private final LongSupplier clock;

    public AdminClient(URI origin, AdminKey key, Duration timeout) {
        this(origin, key, timeout, System::currentTimeMillis);
    }

    AdminClient(URI origin, AdminKey key, Duration timeout, LongSupplier clock) {
        this.origin = AdminUrl.origin(origin);
        this.key = key;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * Signs and sends a request.
     *
     * @param method       the HTTP method, upper case
     * @param pathAndQuery the raw path and query, e.g. {@code /api/v1/orders?open=true}
     * @param body         the body, empty for none
     * @param contentType  the body's media type, or null without a body
     * @throws CambistException when the container cannot be reached
     */
    public Response send(String method, String pathAndQuery, byte[] body, String contentType) {
        URI target = URI.create(origin + pathAndQuery);
        String timestamp = Long.toString(clock.getAsLong());
        String nonce = nonce();
        byte[] secret = key.secret();
        String signature;
        try {
            signature = SignTool.sign("cambist", secret, body, nonce, pathAndQuery, timestamp, method);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header(SignedRequest.KEY, key.keyId())
                .header(SignedRequest.TIMESTAMP, timestamp)
                .header(SignedRequest.NONCE, nonce)
                .header(SignedRequest.SIGNATURE, signature)
                .header("Accept", "application/json")
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0 && contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (ConnectException e) {
            throw new CambistException("cannot connect to the admin API at " + origin + "; is Cambist running? "
                    + "(start it with cambist run, or give its address with --url)");
        } catch (HttpTimeoutException e) {
            throw new CambistException("the admin API at " + origin + " did not answer within "
                    + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new CambistException("the request to " + origin + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CambistException("interrupted while waiting for the admin API");
        }
    }

    /** 16 random bytes as 32 lowercase hex characters (the recipe allows 16 to 64 of [A-Za-z0-9_-]). */
    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
