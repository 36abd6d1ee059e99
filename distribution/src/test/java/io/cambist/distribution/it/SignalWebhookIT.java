package io.cambist.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: the signal webhook over real HTTP against the running product ({@code bin/cambist run}): a valid alert is
 * accepted once (202 with the client order id it created) and trades on the paper venue; its replay (409), a stale
 * alert (401) and one with a wrong secret (401) are refused with a JSON reason, audited, and trade nothing. The
 * webhook secret appears in no log line, no audit record and no response but the one that created it.
 */
class SignalWebhookIT {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aValidAlertTradesOnceAndItsReplayAStaleOneAndAWrongSecretAreRefused() throws Exception {
        Path home = PrivateHome.create(dir.resolve("home"), Map.of());
        Path data = dir.resolve("data");
        List<AdminClient.Response> responses = new ArrayList<>();
        try (CambistProcess cambist = CambistProcess.startWithEnvironment(home, Map.of("CAMBIST_CDS", "off"),
                "run", "--port", "0", "--data", data.toString())) {
            AdminClient admin = cambist.awaitAdmin(data, START);
            AdminClient recorded = admin.recordingTo(responses);

            Ops.paperAccount(recorded, "webhook-it", MiniJson.obj("instrument", "BTC/USDT", "source", "synthetic",
                    "speed", "20", "balances", "USDT=10000"));
            Ops.awaitOnline(recorded, "webhook-it", START);
            Webhook webhook = Webhook.forNewBot(admin, "tv-it", "webhook-it", "BTC/USDT");
            String secret = webhook.secret();

            long now = System.currentTimeMillis();
            Map<String, Object> valid = alert("it-1", now);
            AdminClient.Response accepted = webhook.post(valid);
            responses.add(accepted);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.body()).contains("\"accepted\":true");
            String clientOrderId = accepted.text("clientOrderId").orElseThrow();

            AdminClient.Response replay = webhook.post(valid);
            AdminClient.Response stale = webhook.post(alert("it-2", now - 600_000));
            Map<String, Object> forged = alert("it-3", now);
            forged.put("secret", "not-the-secret-of-this-bot");
            AdminClient.Response wrong = webhook.postRaw(forged);
            responses.addAll(List.of(replay, stale, wrong));
            assertThat(replay.status()).as(replay.toString()).isEqualTo(409);
            assertThat(replay.body()).contains("\"accepted\":false").contains("replayed alert");
            assertThat(stale.status()).as(stale.toString()).isEqualTo(401);
            assertThat(stale.body()).contains("stale alert");
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
            assertThat(wrong.body()).contains("wrong secret");

            Map<String, Object> order = Ops.awaitOrder(recorded, clientOrderId, "FILLED");
            assertThat(order.get("strategyId")).isEqualTo("tv-it");
            // a moment for anything the refused alerts might (wrongly) have started
            Thread.sleep(1000);
            List<Map<String, Object>> orders = Ops.orders(recorded, "strategy=tv-it");
            assertThat(orders).as("the bot's orders").hasSize(1);
            assertThat(orders.get(0).get("clientOrderId")).isEqualTo(clientOrderId);

            AdminClient.Response audit = Ops.expect(200, recorded.get("/audit?limit=100"), "audit");
            assertThat(count(audit.body(), "\"webhook.signal\"")).as(audit.body()).isEqualTo(1);
            assertThat(count(audit.body(), "\"webhook.refused\"")).as(audit.body()).isEqualTo(3);

            cambist.signal("TERM");
            assertThat(cambist.awaitExit(Duration.ofSeconds(30))).hasValue(0);
            String output = String.join("\n", cambist.out()) + String.join("\n", cambist.err());
            assertThat(output).as("the container's console output").doesNotContain(secret)
                    .doesNotContain(admin.adminSecret()).doesNotContain("not-the-secret-of-this-bot");
            SecretScan.assertNoSecret(List.of(secret, admin.adminSecret(), SecretScan.passphrase(data),
                    "not-the-secret-of-this-bot"), responses, data, SecretScan.logFiles(data.resolve("logs")));
        }
    }

    private static Map<String, Object> alert(String id, long time) {
        return MiniJson.obj("id", id, "time", time, "action", "buy", "instrument", "BTC/USDT", "sizeQuote", "250");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
