package io.cambist.strategy.signal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.security.AuditEvent;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignedRequest;

/** The webhook's checks, against signal bots running in the real engine on a paper venue. */
class WebhookHandlerTest {

    private final WebhookFixture f = new WebhookFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aValidAlertIsAcceptedOnceAndTradesUnderTheClientOrderIdItReturned() {
        WebhookAnswer first = f.post("tv", f.alert("a-1", f.session.time(), "buy", "\"sizeQuote\":\"0.05\""));
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body()).containsEntry("accepted", true).containsEntry("id", "a-1");
        String id = (String) first.body().get("clientOrderId");
        assertThat(id).isNotBlank();

        WebhookAnswer replay = f.post("tv", f.alert("a-1", f.session.time(), "buy", "\"sizeQuote\":\"0.05\""));
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.body()).containsEntry("accepted", false).containsEntry("error", "replayed alert");

        f.session.step(1);
        assertThat(f.orders("tv")).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId().value()).isEqualTo(id);
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.quoteQuantity()).isEqualByComparingTo("0.05");
            assertThat(o.averagePrice()).as("the next open").isEqualByComparingTo(f.session.lastCandle().open());
        });
        assertThat(f.audit.events).extracting(AuditEvent::action).containsExactly("webhook.signal", "webhook.refused");
        AuditEvent ok = f.audit.events.get(0);
        assertThat(ok.actor()).isEqualTo("tv-key");
        assertThat(ok.subject()).isEqualTo("/webhooks/signal/tv");
        assertThat(ok.details()).containsEntry("clientOrderId", id).containsEntry("alert", "a-1")
                .containsEntry("remote", "203.0.113.9");
        assertThat(f.audit.events.get(1).details().get("reason")).startsWith("replayed alert");
        assertThat(f.audit.events.toString()).doesNotContain(WebhookFixture.SECRET);
    }

    @Test
    void staleFutureAndWronglyAuthenticatedAlertsAreRefusedAuditedAndNeverTrade() {
        long now = f.session.time();
        assertThat(f.post("tv", f.alert("old", now - 301_000, "buy", "")).status()).isEqualTo(401);
        assertThat(f.post("tv", f.alert("old", now - 301_000, "buy", "")).body().get("detail").toString())
                .contains("301 s in the past").contains("within 300 s");
        assertThat(f.post("tv", f.alert("late", now + 301_000, "buy", "")).body().get("detail").toString())
                .contains("in the future");
        WebhookAnswer wrong = f.post("tv", f.alert("w", now, "buy", "").replace(WebhookFixture.SECRET, "guess"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo("wrong secret");
        WebhookAnswer missing = f.post("tv", "{\"id\":\"m\",\"time\":" + now + ",\"action\":\"buy\",\"instrument\":\"ETH/BTC\"}");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error()).isEqualTo("missing secret");
        WebhookAnswer scope = f.post("admin-key", f.alert("x", now, "buy", "").replace(WebhookFixture.SECRET, "adm1n"));
        assertThat(scope.status()).isEqualTo(403);
        assertThat(scope.error()).isEqualTo("key lacks scope webhook");

        f.session.step(2);
        assertThat(f.orders("tv")).isEmpty();
        assertThat(f.orders("admin-key")).isEmpty();
        assertThat(f.audit.events).hasSize(6).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo("webhook.refused");
            assertThat(e.outcome()).isEqualTo("refused");
        });
        assertThat(f.audit.events.toString()).doesNotContain(WebhookFixture.SECRET).doesNotContain("guess")
                .doesNotContain("adm1n");
        // a refused stale alert did not burn its id: sent again in time, it is accepted
        assertThat(f.post("tv", f.alert("old", now, "buy", "")).status()).isEqualTo(202);
    }

    @Test
    void signedAlertsAreVerifiedWithTheWebhookScopeAndTheBotsSigningKeys() {
        long now = f.session.time();
        String body = "{\"id\":\"g-1\",\"time\":" + now + ",\"action\":\"buy\",\"instrument\":\"ETH/BTC\",\"size\":\"0.2\"}";
        Map<String, String> good = Map.of(SignedRequest.KEY, "agent-key", SignedRequest.SIGNATURE, "good");
        WebhookAnswer ok = f.post("agent", body, good, "198.51.100.1");
        assertThat(ok.status()).isEqualTo(202);
        assertThat(f.verifier.scopes).containsExactly(Scope.WEBHOOK);
        assertThat(f.verifier.seen.get(0).pathAndQuery()).isEqualTo("/webhooks/signal/agent");
        assertThat(new String(f.verifier.seen.get(0).body())).isEqualTo(body);

        Map<String, String> bad = Map.of(SignedRequest.KEY, "agent-key", SignedRequest.SIGNATURE, "forged");
        assertThat(f.post("agent", body.replace("g-1", "g-2"), bad, "198.51.100.1").status()).isEqualTo(401);
        Map<String, String> other = Map.of(SignedRequest.KEY, "someone", SignedRequest.SIGNATURE, "good");
        WebhookAnswer notAllowed = f.post("agent", body.replace("g-1", "g-3"), other, "198.51.100.1");
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.error()).isEqualTo("key not allowed");
        assertThat(f.post("agent", f.alert("g-4", now, "buy", "")).error()).isEqualTo("signature required");
        assertThat(f.post("tv", body.replace("g-1", "g-5"), good, "198.51.100.1").error()).isEqualTo("signature not accepted");
        // a bot that allows both takes either
        assertThat(f.post("both", body.replace("g-1", "g-6"), good, "198.51.100.1").status()).isEqualTo(202);
        assertThat(f.post("both", f.alert("g-7", now, "buy", "")).status()).isEqualTo(202);

        f.session.step(1);
        assertThat(f.orders("agent")).singleElement().satisfies(o -> {
            assertThat(o.quantity()).isEqualByComparingTo("0.2");
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        });
        assertThat(f.orders("both")).hasSize(2).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
    }

    @Test
    void alertIdsAreClaimedPerKeySoAnotherSenderMayReuseOne() {
        long now = f.session.time();
        assertThat(f.post("both", f.alert("same", now, "buy", "")).status()).isEqualTo(202);
        assertThat(f.post("tv", f.alert("same", now, "buy", "")).status()).as("same key tv-key").isEqualTo(409);
        String body = "{\"id\":\"same\",\"time\":" + now + ",\"action\":\"buy\",\"instrument\":\"ETH/BTC\"}";
        assertThat(f.post("both", body, Map.of(SignedRequest.KEY, "agent-key", SignedRequest.SIGNATURE, "good"), null)
                .status()).as("another key").isEqualTo(202);
    }

    @Test
    void aFloodFromOneSenderIs429WithoutTradingWhileOtherSendersGoOn() {
        long now = f.session.time();
        String flooder = "198.51.100.66";
        int accepted = 0;
        java.util.List<WebhookAnswer> limited = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            WebhookAnswer a = f.post("tv", f.alert("flood-" + i, now, "buy", "\"sizeQuote\":\"0.001\""), Map.of(), flooder);
            if (a.status() == 202) {
                accepted++;
            } else {
                limited.add(a);
            }
        }
        assertThat(accepted).as("the burst").isEqualTo(20);
        assertThat(limited).hasSize(30).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(429);
            assertThat(a.error()).isEqualTo("too many alerts");
            assertThat(a.body().get("retryAfterSeconds")).isEqualTo(1L);
            assertThat(a.body().get("detail").toString()).contains("60 alerts a minute").contains(flooder);
        });
        // TradingView's own address has its own bucket
        assertThat(f.post("tv", f.alert("tv-real", now, "buy", "\"sizeQuote\":\"0.001\""), Map.of(), "52.89.214.238")
                .status()).isEqualTo(202);
        // only the first refusal of the streak is audited, so a flood cannot fill the audit log
        assertThat(f.audit.events).filteredOn(e -> e.action().equals("webhook.refused")).singleElement()
                .satisfies(e -> assertThat(e.details().get("reason")).startsWith("too many alerts"));
        f.session.step(1);
        assertThat(f.orders("tv")).hasSize(21);
    }

    @Test
    void anAlertWaitsForAServiceWhoseBundleIsBeingUpdated() {
        Fakes.Services all = f.services();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        WebhookServices updating = new WebhookServices() {
            public io.cambist.api.strategy.StrategyRunner runner() { return all.runner(); }
            public io.cambist.api.order.OrderService orders() { return all.orders(); }
            public io.cambist.api.security.RequestVerifier verifier() { return all.verifier(); }
            public io.cambist.api.security.AuditLog audit() { return all.audit(); }
            public io.cambist.api.security.KeyRing keyRing() { return all.keyRing(); }
            // the nonce store's bundle comes back after a few looks
            public io.cambist.api.security.NonceStore nonces() { return asked.incrementAndGet() < 5 ? null : all.nonces(); }
            public long serviceWaitMillis() { return 5_000; }
        };
        WebhookHandler waiting = new WebhookHandler(updating, f.session::time, new AlertRateLimiter(60, 20));
        WebhookAnswer answer = waiting.handle("tv", "POST", "/webhooks/signal/tv", Map.of(),
                f.alert("during-update", f.session.time(), "buy", "").getBytes(), "203.0.113.9");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        assertThat(asked.get()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theSourceAddressMustBeInTheAllowList() {
        long now = f.session.time();
        assertThat(f.post("lan", f.alert("l-1", now, "buy", "\"sizeQuote\":0.01"), Map.of(), "10.20.30.40").status()).isEqualTo(202);
        assertThat(f.post("lan", f.alert("l-2", now, "buy", "\"sizeQuote\":0.01"), Map.of(), "192.0.2.7").status()).isEqualTo(202);
        WebhookAnswer outside = f.post("lan", f.alert("l-3", now, "buy", "\"sizeQuote\":0.01"), Map.of(), "192.0.2.8");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body().get("detail").toString()).contains("192.0.2.8");
        assertThat(f.post("lan", f.alert("l-4", now, "buy", "\"sizeQuote\":0.01"), Map.of(), null).status()).isEqualTo(403);
    }

    @Test
    void malformedOrInvalidAlertsAre400AndNameTheProblem() {
        long now = f.session.time();
        WebhookAnswer json = f.post("tv", "{\"secret\":\"s3cret\",\"id\":");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body().get("detail").toString()).startsWith("the body is not valid JSON (line 1, column");
        assertThat(f.post("tv", "[1,2]").body().get("detail").toString()).startsWith("the body must be one JSON object");
        assertThat(f.post("tv", "{\"secret\":\"s3cret\",\"secret\":\"x\"}").body().get("detail").toString())
                .contains("repeats a field ('secret')").doesNotContain("s3cret");
        assertThat(f.post("tv", f.alert("u", now, "buy", "\"qty\":1")).body().get("detail").toString())
                .startsWith("unknown field 'qty'");
        assertThat(f.post("tv", f.alert("n", now, "buy", "\"size\":{\"a\":1}")).body().get("detail"))
                .isEqualTo("field 'size' must be a string or a number");
        assertThat(f.post("tv", f.alert("h", now, "hold", "")).body().get("detail"))
                .isEqualTo("action 'hold' is not one of buy, sell, close");
        WebhookAnswer instrument = f.post("tv", f.alert("i", now, "buy", "").replace("ETH/BTC", "LTC/BTC"));
        assertThat(instrument.body().get("detail")).isEqualTo("the alert is for LTC/BTC but bot 'tv' trades ETH/BTC");
        assertThat(f.post("agent", "{\"id\":\"z\",\"time\":" + now + ",\"action\":\"buy\",\"instrument\":\"ETH/BTC\"}",
                Map.of(SignedRequest.KEY, "agent-key", SignedRequest.SIGNATURE, "good"), null).body().get("detail"))
                .isEqualTo("the buy alert gives neither size nor sizeQuote and bot 'agent' has no defaultQuote");
        f.session.step(1);
        assertThat(f.orders("tv")).isEmpty();
    }

    @Test
    void unknownBotsMissingServicesAndHaltedBotsAreRefused() {
        long now = f.session.time();
        assertThat(f.post("nobody", f.alert("x", now, "buy", "")).status()).isEqualTo(404);
        assertThat(f.post("bad\nid", f.alert("x", now, "buy", "")).status()).isEqualTo(404);
        WebhookHandler noVault = new WebhookHandler(new Fakes.Services(f.session.runner(), f.session.orders(), null,
                f.verifier, f.nonces, f.audit), f.session::time, new AlertRateLimiter(60, 20));
        WebhookAnswer unavailable = noVault.handle("tv", "POST", "/webhooks/signal/tv", Map.of(),
                f.alert("x", now, "buy", "").getBytes(), null);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.error()).isEqualTo("key ring unavailable");
        f.session.runner().halt("tv", "drill");
        WebhookAnswer halted = f.post("tv", f.alert("h-1", now, "buy", ""));
        assertThat(halted.status()).isEqualTo(409);
        assertThat(halted.error()).isEqualTo("bot not running");
        assertThat(halted.body().get("detail").toString()).contains("HALTED");
    }

    @Test
    void sellAndCloseSignalsNeverSellMoreThanTheBotHolds() {
        long now = f.session.time();
        assertThat(f.post("tv", f.alert("b", now, "buy", "\"size\":\"0.5\"")).status()).isEqualTo(202);
        f.session.step(1);
        assertThat(f.post("tv", f.alert("s", f.session.time(), "sell", "\"size\":\"2\"")).status()).isEqualTo(202);
        f.session.step(1);
        assertThat(f.post("tv", f.alert("c", f.session.time(), "close", "")).status()).isEqualTo(202);
        f.session.step(1);
        assertThat(f.orders("tv")).hasSize(2);
        Order sell = f.orders("tv").get(0);
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.type()).isEqualTo(OrderType.MARKET);
        assertThat(sell.quantity()).as("capped at the position").isEqualByComparingTo("0.5");
        assertThat(f.session.status("tv").position().isFlat()).isTrue();
    }
}
