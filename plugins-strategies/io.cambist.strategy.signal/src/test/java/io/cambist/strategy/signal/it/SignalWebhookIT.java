package io.cambist.strategy.signal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signal webhook over real HTTP against the running container ({@code bin/cambist run} of the assembled
 * distribution): a valid alert is accepted once (202 with the client order id it created) and trades on the paper
 * venue; its replay (409), a stale alert (401) and one with a wrong secret (401) are refused with a JSON reason,
 * audited, and trade nothing.
 * <p>
 * <b>For the lead:</b> this is a whole-product test and belongs with the distribution's ITs
 * ({@code distribution/src/test/java/io/cambist/distribution/it/}, run by failsafe there, after the grid, DCA and
 * signal bundles are in the distribution's {@code bundles/6}). It is kept here, beside the code it tests, until it is
 * moved; this module has no failsafe, so it is compiled but not run by {@code mvn install}. When moving it, replace
 * {@link #distribution()} by {@code CambistOptions.distribution()} and {@link Admin} by {@code AdminClient} if you
 * prefer; it only needs the JDK, JUnit and AssertJ as it is. To run it by hand against an assembled distribution:
 * {@code mvn -o test -pl plugins-strategies/io.cambist.strategy.signal -Dtest=SignalWebhookIT
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcambist.distribution=/path/to/distribution/target/cambist}.
 */
class SignalWebhookIT {

    private static final Pattern READY = Pattern.compile(
            "Cambist \\S+ ready: admin API (http://127\\.0\\.0\\.1:(\\d+)/api/v1) \\(started in \\d+ ms, \\d+ bundles\\)$");
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** The assembled distribution, from the system property {@code cambist.distribution}; skips when absent. */
    static Path distribution() {
        String d = System.getProperty("cambist.distribution");
        Path p = d == null || d.isBlank() ? null : Path.of(d);
        assumeTrue(p != null && Files.isRegularFile(p.resolve("bin/cambist")),
                "no assembled distribution (-Dcambist.distribution=<dir>): skipping the real-HTTP webhook test");
        return p;
    }

    @Test
    void aValidAlertTradesOnceAndItsReplayAStaleOneAndAWrongSecretAreRefused() throws Exception {
        Path dist = distribution();
        Path data = dir.resolve("data");
        Process process = new ProcessBuilder("sh", dist.resolve("bin/cambist").toString(), "run", "--port", "0", "--data",
                data.toString()).directory(dist.toFile()).redirectErrorStream(true).start();
        List<String> out = new CopyOnWriteArrayList<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            } catch (IOException e) {
                out.add("<read failed: " + e + ">");
            }
        }, "cambist-output");
        pump.setDaemon(true);
        pump.start();
        try {
            URI api = awaitReady(out);
            URI webhooks = URI.create(api.toString().replace("/api/v1", "/webhooks"));
            Admin admin = new Admin(api, data);
            admin.awaitKey();

            Admin.Reply key = admin.send("POST", "/keys", "{\"alias\":\"tv-it\",\"description\":\"webhook IT\","
                    + "\"scopes\":[\"webhook\"]}");
            assertThat(key.status()).as(key.toString()).isEqualTo(201);
            String secret = key.text("secret");
            Admin.Reply account = admin.send("POST", "/configurations/factories/io.cambist.exchange.paper?name=webhook-it",
                    "{\"account\":\"webhook-it\",\"instrument\":\"BTC/USDT\",\"source\":\"synthetic\",\"speed\":\"20\","
                            + "\"balances\":\"USDT=10000\"}");
            assertThat(account.status()).as(account.toString()).isEqualTo(201);
            Admin.Reply bot = admin.send("POST", "/strategies", "{\"type\":\"signal\",\"id\":\"tv-it\",\"instrument\":"
                    + "\"BTC/USDT\",\"account\":\"webhook-it\",\"parameters\":{\"webhookKey\":\"tv-it\","
                    + "\"defaultQuote\":\"100\"}}");
            assertThat(bot.status()).as(bot.toString()).isEqualTo(201);
            awaitBody(admin, "/strategies/tv-it", "\"state\":\"RUNNING\"", Duration.ofSeconds(30));

            long now = System.currentTimeMillis();
            String valid = alert(secret, "it-1", now);
            Admin.Reply accepted = post(webhooks.resolve("webhooks/signal/tv-it"), valid);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.body()).contains("\"accepted\":true");
            String clientOrderId = accepted.text("clientOrderId");

            Admin.Reply replay = post(webhooks.resolve("webhooks/signal/tv-it"), valid);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(409);
            assertThat(replay.body()).contains("\"accepted\":false").contains("replayed alert");
            Admin.Reply stale = post(webhooks.resolve("webhooks/signal/tv-it"), alert(secret, "it-2", now - 600_000));
            assertThat(stale.status()).as(stale.toString()).isEqualTo(401);
            assertThat(stale.body()).contains("stale alert");
            Admin.Reply wrong = post(webhooks.resolve("webhooks/signal/tv-it"), alert("not-the-secret", "it-3", now));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
            assertThat(wrong.body()).contains("wrong secret");

            Admin.Reply orders = awaitBody(admin, "/orders?strategy=tv-it", "\"status\":\"FILLED\"", Duration.ofSeconds(30));
            assertThat(count(orders.body(), "\"clientOrderId\"")).as(orders.toString()).isEqualTo(1);
            assertThat(orders.body()).contains("\"clientOrderId\":\"" + clientOrderId + "\"");
            Admin.Reply audit = admin.send("GET", "/audit?limit=50", null);
            assertThat(count(audit.body(), "\"webhook.signal\"")).isEqualTo(1);
            assertThat(count(audit.body(), "\"webhook.refused\"")).isEqualTo(3);
            assertThat(audit.body()).doesNotContain(secret).doesNotContain("not-the-secret");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String alert(String secret, String id, long time) {
        return "{\"secret\":\"" + secret + "\",\"id\":\"" + id + "\",\"time\":" + time + ",\"action\":\"buy\","
                + "\"instrument\":\"BTC/USDT\",\"sizeQuote\":\"250\"}";
    }

    private static URI awaitReady(List<String> out) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : out) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    return URI.create(m.group(1));
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no ready line within " + START + "; output " + out);
    }

    private static Admin.Reply awaitBody(Admin admin, String path, String expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = admin.send("GET", path, null);
            if (last.status() == 200 && last.body().contains(expected)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never showed " + expected + "; last answer " + last);
    }

    private static Admin.Reply post(URI uri, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Admin.Reply(r.statusCode(), r.body());
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    /** Signed admin API calls with the key the container wrote to {@code <data>/admin.key} (the recipe of issue 3). */
    static final class Admin {
        private static final SecureRandom RANDOM = new SecureRandom();
        private final URI base;
        private final Path keyFile;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        record Reply(int status, String body) {
            /** The first string value of {@code "name"} in the body. */
            String text(String name) {
                Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
                if (!m.find()) {
                    throw new AssertionError("no \"" + name + "\" in " + body);
                }
                return m.group(1);
            }
        }

        Admin(URI base, Path data) {
            this.base = base;
            this.keyFile = data.resolve("admin.key");
        }

        void awaitKey() throws InterruptedException {
            long deadline = System.nanoTime() + START.toNanos();
            while (!Files.isRegularFile(keyFile) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        Reply send(String method, String path, String json) throws Exception {
            URI uri = URI.create(base + path);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String keyJson = Files.readString(keyFile);
            String keyId = new Reply(0, keyJson).text("keyId");
            String secret = new Reply(0, keyJson).text("secret");
            String timestamp = Long.toString(System.currentTimeMillis());
            byte[] n = new byte[16];
            RANDOM.nextBytes(n);
            String nonce = HexFormat.of().formatHex(n);
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String message = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("X-Cambist-Key", keyId).header("X-Cambist-Timestamp", timestamp).header("X-Cambist-Nonce", nonce)
                    .header("X-Cambist-Signature", HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8))));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        }
    }
}
