package io.cambist.distribution.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A signal bot's webhook ({@code POST /webhooks/signal/{botId}}), authenticated by its webhook key's secret. */
public final class Webhook {

    private final URI uri;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Webhook(URI adminBase, String botId, String secret) {
        this.uri = URI.create(adminBase.toString().replace("/api/v1", "/webhooks/signal/" + botId));
        this.secret = secret;
    }

    /**
     * Creates a webhook key {@code wh-<botId>} (scope {@code webhook}, secret generated) and a signal bot using it on
     * the account, and waits until it runs.
     */
    public static Webhook forNewBot(AdminClient admin, String botId, String account, String instrument)
            throws InterruptedException {
        AdminClient.Response key = Ops.expect(201, Ops.post(admin, "/keys", MiniJson.obj("alias", "wh-" + botId,
                "description", "webhook of " + botId, "scopes", List.of("webhook"))), "create the webhook key");
        Ops.bot(admin, "signal", botId, instrument, account, MiniJson.obj("webhookKey", "wh-" + botId));
        Ops.awaitBot(admin, botId, "RUNNING", Ops.WAIT);
        return new Webhook(admin.base(), botId, key.text("secret").orElseThrow());
    }

    /**
     * Turns the webhook's per-sender rate limit off ({@code ratePerMinute=0} in its configuration), for the tests that
     * send many alerts a second on purpose.
     */
    public static void withoutRateLimit(AdminClient admin) {
        AdminClient.Response r = Ops.put(admin, "/configurations/io.cambist.strategy.signal.webhook",
                MiniJson.obj("ratePerMinute", 0));
        if (r.status() != 200 && r.status() != 201) { // 201 when it creates the configuration
            throw new AssertionError("turn the webhook's rate limit off: " + r);
        }
    }

    public String secret() {
        return secret;
    }

    /** Posts the alert with the bot's secret added. */
    public AdminClient.Response post(Map<String, Object> alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("secret", secret);
        body.putAll(alert);
        return postRaw(body);
    }

    /** Posts the alert as it is (no secret added). */
    public AdminClient.Response postRaw(Map<String, Object> body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MiniJson.bytes(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new AdminClient.Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts the alert, expects 202, and returns the client order id it created. */
    public String accepted(Map<String, Object> alert) {
        AdminClient.Response r = Ops.expect(202, post(alert), "alert " + alert.get("id"));
        return r.text("clientOrderId").orElseThrow(() -> new AssertionError("no clientOrderId in " + r));
    }

    /**
     * Like {@link #accepted}, but posts the same alert again while the webhook answers 503 (a service it needs is
     * being replaced; the alert was not claimed, so its id is still fresh), for at most ten seconds.
     */
    public String acceptedRetrying(Map<String, Object> alert) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        AdminClient.Response r = post(alert);
        while (r.status() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = post(alert);
        }
        AdminClient.Response last = Ops.expect(202, r, "alert " + alert.get("id"));
        return last.text("clientOrderId").orElseThrow(() -> new AssertionError("no clientOrderId in " + last));
    }
}
