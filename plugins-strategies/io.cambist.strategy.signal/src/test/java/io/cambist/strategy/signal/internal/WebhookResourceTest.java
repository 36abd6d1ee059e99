package io.cambist.strategy.signal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.order.OrderStatus;

/**
 * {@code POST /webhooks/signal/{botId}} through Jersey in memory, against signal bots in the real engine: a valid
 * alert is accepted once and trades, its replay, a stale one and one with a wrong secret are refused with JSON and
 * trade nothing; every error of the application is JSON.
 */
class WebhookResourceTest {

    private final WebhookFixture f = new WebhookFixture();
    private final InMemoryWebhook http = new InMemoryWebhook(f.handler, 1024);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void acceptsAValidAlertOnceRefusesItsReplayAStaleOneAndAWrongSecretAndTradesOnlyOnTheValidOne() {
        long now = f.session.time();
        String valid = f.alert("tv-42", now, "buy", "\"sizeQuote\":0.02");
        InMemoryWebhook.Reply ok = http.post("signal/tv", valid);
        assertThat(ok.status()).isEqualTo(202);
        assertThat(ok.contentType()).startsWith("application/json");
        String clientOrderId = ok.json().get("clientOrderId").asText();
        assertThat(ok.json().get("accepted").asBoolean()).isTrue();

        InMemoryWebhook.Reply replay = http.post("signal/tv", valid);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().get("accepted").asBoolean()).isFalse();
        assertThat(replay.json().get("error").asText()).isEqualTo("replayed alert");

        InMemoryWebhook.Reply stale = http.post("signal/tv", f.alert("tv-43", now - 600_000, "buy", "\"sizeQuote\":0.02"));
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().get("error").asText()).isEqualTo("stale alert");

        InMemoryWebhook.Reply wrong = http.post("signal/tv", f.alert("tv-44", now, "buy", "\"sizeQuote\":0.02")
                .replace(WebhookFixture.SECRET, "not-it"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("wrong secret");
        assertThat(wrong.text()).doesNotContain("not-it");

        f.session.step(3);
        assertThat(f.orders("tv")).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId().value()).isEqualTo(clientOrderId);
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.quoteQuantity()).isEqualByComparingTo("0.02");
        });
        assertThat(f.audit.events).hasSize(4);
    }

    @Test
    void malformedJsonIs400NamingTheProblem() {
        InMemoryWebhook.Reply r = http.post("signal/tv", "{\"secret\": \"s3cret\", \"id\": 12,, }");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("malformed alert");
        assertThat(r.json().get("detail").asText()).startsWith("the body is not valid JSON (line 1, column");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() {
        String big = f.alert("big", f.session.time(), "buy", "\"pad\":\"" + "x".repeat(2000) + "\"");
        InMemoryWebhook.Reply declared = http.post("signal/tv", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("detail").asText()).isEqualTo("an alert body may have at most 1024 bytes");
        InMemoryWebhook.Reply undeclared = http.send("POST", "signal/tv", big, Map.of("Content-Length", "10"));
        assertThat(undeclared.status()).isEqualTo(413);
        assertThat(f.audit.events).isEmpty();
    }

    @Test
    void aFloodIsAnswered429WithRetryAfter() {
        InMemoryWebhook.Reply last = null;
        for (int i = 0; i < 21; i++) {
            last = http.post("signal/tv", f.alert("r-" + i, f.session.time(), "buy", "\"sizeQuote\":\"0.001\""));
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.retryAfter()).isEqualTo("1");
        assertThat(last.json().get("retryAfterSeconds").asLong()).isEqualTo(1);
        assertThat(last.json().get("error").asText()).isEqualTo("too many alerts");
    }

    @Test
    void everyErrorOfTheApplicationIsJson() {
        InMemoryWebhook.Reply get = http.send("GET", "signal/tv", null, Map.of());
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.json().get("detail").asText()).isEqualTo("alerts are sent with POST");
        InMemoryWebhook.Reply nowhere = http.post("elsewhere", "{}");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.json().get("accepted").asBoolean()).isFalse();
        InMemoryWebhook.Reply unknown = http.post("signal/nobody", f.alert("x", f.session.time(), "buy", ""));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("there is no signal bot 'nobody'");
    }
}
