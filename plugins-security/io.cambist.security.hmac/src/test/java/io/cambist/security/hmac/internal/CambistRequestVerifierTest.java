package io.cambist.security.hmac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.security.AuditRecord;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignedRequest;
import io.cambist.api.security.Verification;
import io.cambist.security.nonce.internal.NonceStores;
import io.cambist.security.vault.internal.TestSupport.MutableClock;
import io.cambist.security.vault.internal.Vaults;

class CambistRequestVerifierTest {

    static final String SECRET = "admin-secret-for-tests-8c1d";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path data;

    /** Vault and verifier on one clock the test moves. */
    private final MutableClock clock = new MutableClock(T0.minusSeconds(60));
    private Vaults.Handle vault;
    private NonceStores.Closeable nonces;
    private CambistRequestVerifier verifier;
    private int counter;

    @BeforeEach
    void wire() {
        vault = Vaults.open(data, "pass", 64, 1, 1, clock, Duration.ofHours(1));
        vault.keyRing().create(new NewKey("admin", null, Set.of(Scope.ADMIN, Scope.READ), null, SECRET.toCharArray()),
                "test");
        vault.keyRing().create(new NewKey("viewer", null, Set.of(Scope.READ), "viewer-public", "viewer-secret-123"
                .toCharArray()), "test");
        // the store's own window is wider than the verifier's: requests within 30 s are judged by their nonce
        nonces = NonceStores.memory(null, 300_000, 100_000, clock::millis);
        // a fresh memory store refuses everything signed up to its start: the tests begin a minute later, at T0
        clock.advance(Duration.ofSeconds(60));
        verifier = new CambistRequestVerifier(clock::millis);
        verifier.setLimits(30_000, 200);
        verifier.bindKeyRing(vault.keyRing());
        verifier.bindNonceStore(nonces);
        verifier.bindAuditLog(vault.auditLog());
    }

    @AfterEach
    void close() {
        nonces.close();
        vault.close();
    }

    private String nonce() {
        return "test-nonce-" + String.format("%08d", ++counter);
    }

    private SignedRequest post(String body) {
        return Requests.signed(SECRET, "admin", "POST", "/api/v1/keys", body, clock.millis(), nonce());
    }

    private static void refused(Verification v, int status, String reason) {
        assertThat(v).isEqualTo(new Verification.Refused(status, reason));
    }

    @Test
    void acceptsASignedRequestOnceAndRefusesItsReplay() {
        SignedRequest request = post("{\"alias\":\"x\"}");
        assertThat(verifier.verify(request, Scope.ADMIN))
                .isEqualTo(new Verification.Verified("admin", 1, Set.of(Scope.ADMIN, Scope.READ)));
        refused(verifier.verify(request, Scope.ADMIN), 401, "nonce already used");
    }

    @Test
    void checksTheDocumentedWorkedExample() {
        vault.keyRing().create(new NewKey("doc", null, Set.of(Scope.ADMIN), null,
                PublishedExamplesTest.CAMBIST_SECRET.toCharArray()), "test");
        java.util.Map<String, String> headers = java.util.Map.of(SignedRequest.KEY, "doc", SignedRequest.TIMESTAMP,
                "1767225600000", SignedRequest.NONCE, "q7Ld0pX3vK9sT2mY5wZ8", SignedRequest.SIGNATURE,
                PublishedExamplesTest.CAMBIST_SIGNATURE);
        SignedRequest request = new SignedRequest("POST", "/api/v1/keys/binance-main/rotate", headers,
                PublishedExamplesTest.CAMBIST_BODY.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        // T0 is the example's timestamp, 2026-01-01T00:00:00Z
        assertThat(verifier.verify(request, Scope.ADMIN)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void refusesEachMissingHeaderByName() {
        SignedRequest good = post("");
        for (String header : List.of(SignedRequest.KEY, SignedRequest.TIMESTAMP, SignedRequest.NONCE,
            SignedRequest.SIGNATURE)) {
            refused(verifier.verify(Requests.with(good, header, null), Scope.ADMIN), 401, "missing header " + header);
        }
    }

    @Test
    void refusesMalformedHeaders() {
        SignedRequest good = post("");
        refused(verifier.verify(Requests.with(good, SignedRequest.NONCE, "too-short"), Scope.ADMIN), 401,
                "malformed header X-Cambist-Nonce: 16 to 64 characters of A-Z, a-z, 0-9, _ and - expected");
        refused(verifier.verify(Requests.with(good, SignedRequest.NONCE, "has spaces in the nonce!"), Scope.ADMIN), 401,
                "malformed header X-Cambist-Nonce: 16 to 64 characters of A-Z, a-z, 0-9, _ and - expected");
        refused(verifier.verify(Requests.with(good, SignedRequest.NONCE, "n".repeat(65)), Scope.ADMIN), 401,
                "malformed header X-Cambist-Nonce: 16 to 64 characters of A-Z, a-z, 0-9, _ and - expected");
        refused(verifier.verify(Requests.with(good, SignedRequest.TIMESTAMP, "2026-01-01T00:00:00Z"), Scope.ADMIN), 401,
                "malformed header X-Cambist-Timestamp: Unix epoch milliseconds expected");
        refused(verifier.verify(Requests.with(good, SignedRequest.SIGNATURE, "abc"), Scope.ADMIN), 401,
                "malformed header X-Cambist-Signature: 64 hex characters expected");
        refused(verifier.verify(Requests.with(good, SignedRequest.KEY, "a key with spaces"), Scope.ADMIN), 401,
                "malformed header X-Cambist-Key: a key id of at most 128 visible characters expected");
    }

    @Test
    void refusesTimestampsOutsideTheWindow() {
        SignedRequest old = Requests.signed(SECRET, "admin", "GET", "/api/v1/keys", "", clock.millis() - 30_001, nonce());
        refused(verifier.verify(old, Scope.READ), 401, "timestamp outside window");
        SignedRequest ahead = Requests.signed(SECRET, "admin", "GET", "/api/v1/keys", "", clock.millis() + 30_001,
                nonce());
        refused(verifier.verify(ahead, Scope.READ), 401, "timestamp outside window");
        SignedRequest edge = Requests.signed(SECRET, "admin", "GET", "/api/v1/keys", "", clock.millis() - 30_000,
                nonce());
        assertThat(verifier.verify(edge, Scope.READ)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void refusesUnknownAndRevokedKeys() {
        refused(verifier.verify(Requests.signed(SECRET, "nobody", "GET", "/api/v1/keys", "", clock.millis(), nonce()),
                Scope.READ), 401, "unknown key");
        vault.keyRing().revoke("viewer", 0, "test", "test");
        refused(verifier.verify(Requests.signed("viewer-secret-123", "viewer", "GET", "/api/v1/keys", "",
                clock.millis(), nonce()), Scope.READ), 401, "key revoked");
    }

    @Test
    void refusesAnythingThatDoesNotMatchTheSignature() {
        SignedRequest good = post("{\"a\":1}");
        refused(verifier.verify(new SignedRequest("POST", good.pathAndQuery(), good.headers(),
                "{\"a\":2}".getBytes(StandardCharsets.UTF_8), null), Scope.ADMIN), 401, "signature mismatch");
        refused(verifier.verify(new SignedRequest("POST", "/api/v1/keys?x=1", good.headers(), good.body(), null),
                Scope.ADMIN), 401, "signature mismatch");
        refused(verifier.verify(new SignedRequest("PUT", good.pathAndQuery(), good.headers(), good.body(), null),
                Scope.ADMIN), 401, "signature mismatch");
        refused(verifier.verify(Requests.signed("not-the-secret", "admin", "POST", "/api/v1/keys", "", clock.millis(),
                nonce()), Scope.ADMIN), 401, "signature mismatch");
        // a refused signature does not burn the nonce: the genuine request still goes through
        assertThat(verifier.verify(good, Scope.ADMIN)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void aKeyWithoutTheScopeGets403AndAPublicIdIdentifiesAKey() {
        SignedRequest change = Requests.signed("viewer-secret-123", "viewer-public", "POST", "/api/v1/keys", "{}",
                clock.millis(), nonce());
        refused(verifier.verify(change, Scope.ADMIN), 403, "key lacks scope admin");
        SignedRequest read = Requests.signed("viewer-secret-123", "viewer-public", "GET", "/api/v1/keys", "",
                clock.millis(), nonce());
        assertThat(verifier.verify(read, Scope.READ)).isEqualTo(new Verification.Verified("viewer", 1,
                Set.of(Scope.READ)));
    }

    @Test
    void thePreviousVersionVerifiesDuringTheOverlapOnly() {
        vault.keyRing().rotate("admin", "admin-secret-v2-5e7f".toCharArray(), null, Duration.ofMinutes(10), "test");
        assertThat(verifier.verify(post(""), Scope.ADMIN)).isEqualTo(new Verification.Verified("admin", 1,
                Set.of(Scope.ADMIN, Scope.READ)));
        assertThat(verifier.verify(Requests.signed("admin-secret-v2-5e7f", "admin", "GET", "/api/v1/keys", "",
                clock.millis(), nonce()), Scope.READ)).isEqualTo(new Verification.Verified("admin", 2,
                Set.of(Scope.ADMIN, Scope.READ)));
        clock.advance(Duration.ofMinutes(10));
        refused(verifier.verify(post(""), Scope.ADMIN), 401, "signature mismatch");
    }

    @Test
    void withoutANonceStoreRequestsWaitThenGet503() {
        verifier.unbindNonceStore(nonces);
        refused(verifier.verify(post(""), Scope.ADMIN), 503, "security service unavailable");
    }

    @Test
    void everyRefusalIsAuditedWithoutTheSignature() throws Exception {
        SignedRequest request = post("");
        verifier.verify(request, Scope.ADMIN);
        verifier.verify(request, Scope.ADMIN);
        verifier.verify(Requests.with(post(""), SignedRequest.NONCE, null), Scope.ADMIN);
        List<AuditRecord> refusals = vault.auditLog().read(1, 100).stream()
                .filter(r -> r.event().action().equals("request.refused")).toList();
        assertThat(refusals).hasSize(2);
        assertThat(refusals.get(0).event().actor()).isEqualTo("admin");
        assertThat(refusals.get(0).event().subject()).isEqualTo("/api/v1/keys");
        assertThat(refusals.get(0).event().details()).containsEntry("reason", "nonce already used")
                .containsEntry("status", "401").containsEntry("remote", "127.0.0.1");
        assertThat(refusals.get(1).event().details()).containsEntry("reason", "missing header X-Cambist-Nonce");
        String log = Files.readString(data.resolve("audit/audit.log"));
        assertThat(log).doesNotContain(request.header(SignedRequest.SIGNATURE)).doesNotContain(SECRET);
    }
}
