package io.cambist.admin.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cambist.admin.internal.AdminSettings;
import io.cambist.admin.internal.testing.CambistSigning;
import io.cambist.admin.internal.testing.FakeVerifier;
import io.cambist.admin.internal.testing.InMemoryApi;
import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.TestApi;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderQuery;
import io.cambist.api.order.OrderService;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignedRequest;
import io.cambist.api.security.Verification;

class SignatureFilterTest {

    private final TestApi t = new TestApi();

    /** An order service that answers nothing, so that /orders has something to call. */
    private static final class NoOrders implements OrderService {
        OrderQuery lastQuery;

        @Override
        public Order submit(String strategyId, OrderRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Order cancel(ClientOrderId clientOrderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Order> order(ClientOrderId clientOrderId) {
            return Optional.empty();
        }

        @Override
        public List<Order> orders(OrderQuery query) {
            lastQuery = query;
            return List.of();
        }

        @Override
        public ClientOrderId newClientOrderId() {
            return ClientOrderId.of("x1");
        }
    }

    @Test
    void everythingButHealthNeedsASignature() {
        Reply r = t.api().signWith(null).get("openapi.json");
        assertThat(r.status()).isEqualTo(401);
        assertThat(t.verifier.seen).hasSize(1);
    }

    @Test
    void unsignedRequestIsRefusedWithTheVerifiersReason() {
        Reply r = t.api().signWith(null).get("orders");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("missing header X-Cambist-Key");
        assertThat(r.json().get("detail").asText()).contains("X-Cambist-Signature");
    }

    @Test
    void signedReadPassesTheRawPathWithBaseAndQueryAndNeedsReadScope() {
        NoOrders orders = new NoOrders();
        t.orders.set(orders);
        Reply r = t.api().get("orders?account=paper&limit=5");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        SignedRequest seen = t.verifier.last();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.pathAndQuery()).isEqualTo("/api/v1/orders?account=paper&limit=5");
        assertThat(t.verifier.required).containsExactly(Scope.READ);
        assertThat(orders.lastQuery.account()).isEqualTo("paper");
        assertThat(orders.lastQuery.limit()).isEqualTo(5);
    }

    @Test
    void changesNeedAdminScopeAndTheBodyReachesVerifierAndResourceUnchanged() {
        Reply r = t.api().json("POST", "halt", "{\"reason\":\"drill\"}");
        // no runner: the filter let it through, the resource answers 503
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(t.verifier.required).containsExactly(Scope.ADMIN);
        assertThat(new String(t.verifier.last().body(), StandardCharsets.UTF_8)).isEqualTo("{\"reason\":\"drill\"}");
    }

    @Test
    void aReplayedRequestIsRefused() {
        t.orders.set(new NoOrders());
        Map<String, String> headers = CambistSigning.signer("admin", TestApi.SECRET).headers("GET", "/api/v1/orders", new byte[0]);
        InMemoryApi api = t.api().signWith(null);
        assertThat(api.send("GET", "orders", null, null, headers).status()).isEqualTo(200);
        Reply replay = api.send("GET", "orders", null, null, headers);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("error").asText()).isEqualTo("nonce already used");
    }

    @Test
    void aTamperedBodyFailsTheSignature() {
        Map<String, String> headers = CambistSigning.signer("admin", TestApi.SECRET).headers("POST", "/api/v1/halt",
                "{\"reason\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        Reply r = t.api().signWith(null).send("POST", "halt", "application/json",
                "{\"reason\":\"b\"}".getBytes(StandardCharsets.UTF_8), headers);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("signature mismatch");
    }

    @Test
    void aKeyWithoutAdminScopeGets403ForChanges() {
        FakeVerifier readOnly = new FakeVerifier(Map.of("reader", "s3cret"), Map.of("reader", Set.of(Scope.READ)));
        t.verifierSource.set(readOnly);
        Reply r = t.api().signWith(CambistSigning.signer("reader", "s3cret")).json("POST", "halt", "{}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("detail").asText()).contains("scope");
    }

    @Test
    void withoutAVerifierTheFilterWaitsThenFailsClosedWith503() {
        t.verifierSource.clear();
        long start = System.nanoTime();
        Reply r = t.api().get("orders");
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("request verifier unavailable");
        assertThat(r.json().get("detail").asText()).contains("io.cambist.security.hmac");
        assertThat(waited).isGreaterThanOrEqualTo(t.settings.get().verifierWaitMillis() - 20);
    }

    @Test
    void aVerifierThatArrivesDuringTheWaitServesTheRequest() throws Exception {
        t.settings.set(new AdminSettings(1 << 20, 64 << 20, 5_000, 300, 2, 5));
        t.verifierSource.clear();
        t.orders.set(new NoOrders());
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
            t.verifierSource.set(t.verifier);
        });
        late.start();
        Reply r = t.api().get("orders");
        late.join();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void aFailingVerifierFailsClosed() {
        t.verifierSource.set((request, scope) -> {
            throw new IllegalStateException("vault locked");
        });
        Reply r = t.api().get("orders");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).doesNotContain("vault locked");
    }

    @Test
    void aRefusalWithAnOddStatusBecomes401() {
        t.verifierSource.set((request, scope) -> new Verification.Refused(200, "odd"));
        assertThat(t.api().get("orders").status()).isEqualTo(401);
    }

    @Test
    void aJsonBodyOverTheLimitIs413BeforeVerification() {
        t.settings.set(new AdminSettings(1024, 4096, 200, 300, 2, 5));
        byte[] big = ("{\"reason\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Reply r = t.api().send("POST", "halt", "application/json", big, Map.of());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("error").asText()).isEqualTo("payload too large");
        assertThat(r.json().get("detail").asText()).contains("1024");
        assertThat(t.verifier.seen).isEmpty();
    }

    @Test
    void aBodyLongerThanItsDeclaredLengthIsStill413() {
        t.settings.set(new AdminSettings(1024, 4096, 200, 300, 2, 5));
        byte[] big = new byte[5000];
        Reply r = t.api().send("POST", "bundles", "application/java-archive", big, Map.of("Content-Length", "10"));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("detail").asText()).contains("4096").contains("bundle jars");
    }

    @Test
    void aDeclaredLengthOverTheJarLimitIs413WithoutReading() {
        t.settings.set(new AdminSettings(1024, 4096, 200, 300, 2, 5));
        Reply r = t.api().send("PUT", "bundles/7", "application/octet-stream", new byte[10],
                Map.of("Content-Length", "999999999"));
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void healthIsTheOnlyOpenDoor() {
        assertThat(SignatureFilter.isHealth("health")).isTrue();
        assertThat(SignatureFilter.isHealth("/health/")).isTrue();
        assertThat(SignatureFilter.isHealth("healthz")).isFalse();
        assertThat(SignatureFilter.isHealth("bundles/health")).isFalse();
    }
}
