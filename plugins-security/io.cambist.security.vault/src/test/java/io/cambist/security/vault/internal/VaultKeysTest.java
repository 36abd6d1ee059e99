package io.cambist.security.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.security.AuditRecord;
import io.cambist.api.security.CreatedKey;
import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyState;
import io.cambist.api.security.KeyUnavailableException;
import io.cambist.api.security.KeyVersion;
import io.cambist.api.security.MacResult;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;

class VaultKeysTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final byte[] MESSAGE = "symbol=LTCBTC&side=BUY".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    private TestSupport.MutableClock clock;
    private TestSupport.Fixture fixture;
    private Vault vault;

    @BeforeEach
    void open() {
        clock = new TestSupport.MutableClock(T0);
        fixture = new TestSupport.Fixture(data, "correct horse battery staple", clock);
        vault = fixture.vault;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(message);
    }

    @Test
    void keysSurviveACloseAndReopenAndSignTheSame() throws Exception {
        CreatedKey imported = vault.create(new NewKey("binance-main", "spot account", Set.of(Scope.TRADE, Scope.READ),
                "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", "imported-secret".toCharArray()),
                "test");
        CreatedKey generated = vault.create(new NewKey("webhook", null, Set.of(Scope.WEBHOOK), null, null), "test");
        assertThat(imported.generatedSecret()).isNull();
        assertThat(generated.generatedSecret()).hasSize(44);
        byte[] before = vault.mac("binance-main", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.TRADE).mac();
        assertThat(before).isEqualTo(hmac("HmacSHA256", "imported-secret".getBytes(StandardCharsets.UTF_8), MESSAGE));
        fixture.close();

        TestSupport.Fixture reopened = new TestSupport.Fixture(data, "correct horse battery staple", clock);
        try {
            List<KeyInfo> keys = reopened.vault.list();
            assertThat(keys).extracting(KeyInfo::alias).containsExactly("binance-main", "webhook");
            KeyVersion v = keys.get(0).versions().get(0);
            assertThat(v.state()).isEqualTo(KeyState.ACTIVE);
            assertThat(v.scopes()).containsExactlyInAnyOrder(Scope.TRADE, Scope.READ);
            assertThat(v.publicId()).isEqualTo("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A");
            assertThat(v.created()).isEqualTo(T0);
            assertThat(reopened.vault.mac("binance-main", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.TRADE).mac())
                    .isEqualTo(before);
            // the generated secret was handed out once and works: it verifies
            byte[] webhookMac = hmac("HmacSHA256", generated.generatedSecret().getBytes(StandardCharsets.UTF_8), MESSAGE);
            assertThat(reopened.vault.verify("webhook", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, webhookMac)).isPresent();
        } finally {
            reopened.close();
        }
    }

    @Test
    void refusesADuplicateAliasAndAClashingPublicId() {
        vault.create(new NewKey("a", null, Set.of(Scope.READ), "pub-1", "s".toCharArray()), "test");
        assertThatThrownBy(() -> vault.create(new NewKey("a", null, Set.of(Scope.READ), null, null), "test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");
        assertThatThrownBy(() -> vault.create(new NewKey("b", null, Set.of(Scope.READ), "pub-1", null), "test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public id 'pub-1'");
    }

    @Test
    void rotationKeepsThePreviousVersionVerifyingUntilTheOverlapEndsThenRetiresIt() throws Exception {
        vault.create(new NewKey("admin", null, Set.of(Scope.ADMIN, Scope.READ), null, "first-secret".toCharArray()),
                "test");
        byte[] signedWithV1 = hmac("HmacSHA256", "first-secret".getBytes(StandardCharsets.UTF_8), MESSAGE);

        CreatedKey v2 = vault.rotate("admin", "second-secret".toCharArray(), null, Duration.ofHours(1), "test");
        assertThat(v2.version().version()).isEqualTo(2);
        // outbound signing uses the new ACTIVE version at once
        MacResult now = vault.mac("admin", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.ADMIN);
        assertThat(now.version().version()).isEqualTo(2);
        assertThat(now.mac()).isEqualTo(hmac("HmacSHA256", "second-secret".getBytes(StandardCharsets.UTF_8), MESSAGE));
        // inbound: requests signed with v1 still verify inside the overlap
        assertThat(vault.verify("admin", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, signedWithV1))
                .map(KeyVersion::version).contains(1);
        KeyVersion previous = vault.get("admin").orElseThrow().versions().get(0);
        assertThat(previous.state()).isEqualTo(KeyState.PREVIOUS);
        assertThat(previous.expires()).isEqualTo(T0.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(59));
        assertThat(vault.verify("admin", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, signedWithV1)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        // the overlap is over: v1 no longer verifies and is RETIRED, without anyone asking
        assertThat(vault.verify("admin", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, signedWithV1)).isEmpty();
        assertThat(vault.get("admin").orElseThrow().versions()).extracting(KeyVersion::state)
                .containsExactly(KeyState.RETIRED, KeyState.ACTIVE);
        assertThat(fixture.audit.read(1, 100)).extracting(r -> r.event().action()).contains("key.create", "key.rotate",
                "key.retire");
        // and the retirement was written to the vault file
        fixture.close();
        TestSupport.Fixture reopened = new TestSupport.Fixture(data, "correct horse battery staple", clock);
        assertThat(reopened.vault.get("admin").orElseThrow().versions().get(0).state()).isEqualTo(KeyState.RETIRED);
        reopened.close();
    }

    @Test
    void aRotationWithoutOverlapRetiresAtOnce() {
        vault.create(new NewKey("k", null, Set.of(Scope.TRADE), null, "one".toCharArray()), "test");
        vault.rotate("k", "two".toCharArray(), "new-public-id", Duration.ZERO, "test");
        KeyInfo info = vault.get("k").orElseThrow();
        assertThat(info.versions()).extracting(KeyVersion::state).containsExactly(KeyState.RETIRED, KeyState.ACTIVE);
        assertThat(info.active().orElseThrow().publicId()).isEqualTo("new-public-id");
        assertThatThrownBy(() -> vault.rotate("nope", null, null, null, "test"))
                .isInstanceOf(NoSuchElementException.class).hasMessage("no key with alias 'nope'");
    }

    @Test
    void aStagedVersionNeitherSignsNorVerifiesUntilActivated() throws Exception {
        vault.create(new NewKey("binance-main", null, Set.of(Scope.READ, Scope.TRADE), "api-key-1",
                "old-secret".toCharArray()), "test");
        byte[] signedWithStaged = hmac("HmacSHA256", "new-secret".getBytes(StandardCharsets.UTF_8), MESSAGE);

        clock.advance(Duration.ofMinutes(5));
        CreatedKey staged = vault.stage("binance-main", "new-secret".toCharArray(), "api-key-2", "test");
        assertThat(staged.generatedSecret()).as("an imported secret is not echoed").isNull();
        assertThat(staged.version().state()).isEqualTo(KeyState.PENDING);
        assertThat(staged.version().activated()).isNull();
        assertThat(staged.version().scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.TRADE);
        // while PENDING: the old version keeps signing, the staged one verifies nothing, under either id
        assertThat(vault.mac("binance-main", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.TRADE).version().version())
                .isEqualTo(1);
        assertThat(vault.verify("api-key-2", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, signedWithStaged)).isEmpty();
        assertThat(vault.verify("binance-main", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, signedWithStaged)).isEmpty();
        assertThat(vault.matchSecret("binance-main", "new-secret".toCharArray())).isEmpty();
        assertThatThrownBy(() -> vault.stage("binance-main", null, null, "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has version 2 PENDING");
        assertThatThrownBy(() -> vault.activate("binance-main", 1, Duration.ZERO, "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is ACTIVE, not PENDING");
        assertThatThrownBy(() -> vault.activate("binance-main", 7, Duration.ZERO, "test"))
                .isInstanceOf(NoSuchElementException.class).hasMessage("key 'binance-main' has no version 7");

        // a restart keeps the staged version and its secret
        fixture.close();
        fixture = new TestSupport.Fixture(data, "correct horse battery staple", clock);
        vault = fixture.vault;
        assertThat(vault.get("binance-main").orElseThrow().versions()).extracting(KeyVersion::state)
                .containsExactly(KeyState.ACTIVE, KeyState.PENDING);

        clock.advance(Duration.ofMinutes(5));
        KeyInfo after = vault.activate("binance-main", 2, Duration.ofMinutes(30), "test");
        assertThat(after.versions()).extracting(KeyVersion::state).containsExactly(KeyState.PREVIOUS, KeyState.ACTIVE);
        KeyVersion active = after.active().orElseThrow();
        assertThat(active.publicId()).isEqualTo("api-key-2");
        assertThat(active.activated()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(after.versions().get(0).expires()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
        MacResult signed = vault.mac("binance-main", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.TRADE);
        assertThat(signed.version().version()).isEqualTo(2);
        assertThat(signed.mac()).isEqualTo(signedWithStaged);
        assertThat(vault.verify("api-key-2", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, signedWithStaged))
                .map(KeyVersion::version).contains(2);
        assertThat(fixture.audit.read(1, 100)).extracting(r -> r.event().action())
                .containsSubsequence("key.create", "key.stage", "key.activate");
    }

    @Test
    void aStagedVersionCanBeRevokedInsteadOfActivated() {
        vault.create(new NewKey("k", null, Set.of(Scope.TRADE), null, "one".toCharArray()), "test");
        CreatedKey staged = vault.stage("k", null, null, "test");
        assertThat(staged.generatedSecret()).as("a generated secret is shown once").isNotBlank();
        vault.revoke("k", 2, "the venue refused the new key", "test");
        assertThat(vault.get("k").orElseThrow().versions()).extracting(KeyVersion::state)
                .containsExactly(KeyState.ACTIVE, KeyState.REVOKED);
        assertThatThrownBy(() -> vault.activate("k", 2, null, "test")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is REVOKED, not PENDING");
        // and a new one can be staged after it
        assertThat(vault.stage("k", "three".toCharArray(), null, "test").version().version()).isEqualTo(3);
    }

    @Test
    void revocationIsImmediate() throws Exception {
        vault.create(new NewKey("k", null, Set.of(Scope.TRADE), null, "one".toCharArray()), "test");
        vault.rotate("k", "two".toCharArray(), null, Duration.ofHours(24), "test");
        byte[] signedWithV1 = hmac("HmacSHA256", "one".getBytes(StandardCharsets.UTF_8), MESSAGE);
        // revoke the previous version: it stops verifying at once, despite its overlap
        vault.revoke("k", 1, "leaked in a log", "test");
        assertThat(vault.verify("k", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, signedWithV1)).isEmpty();
        assertThat(vault.mac("k", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.TRADE).version().version()).isEqualTo(2);
        // revoke everything: signing is refused with a clear reason
        KeyInfo after = vault.revoke("k", 0, "account closed", "test");
        assertThat(after.versions()).extracting(KeyVersion::state).containsOnly(KeyState.REVOKED);
        assertThatThrownBy(() -> vault.mac("k", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.TRADE))
                .isInstanceOf(KeyUnavailableException.class).hasMessageContaining("has no ACTIVE version");
        assertThatThrownBy(() -> vault.revoke("k", 9, "x", "test")).isInstanceOf(NoSuchElementException.class)
                .hasMessage("key 'k' has no version 9");
        AuditRecord last = fixture.audit.read(1, 100).stream().filter(r -> r.event().action().equals("key.revoke"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.event().details()).containsEntry("reason", "account closed").containsEntry("version", "all");
    }

    @Test
    void scopesAreEnforcedAndRefusalsAudited() {
        vault.create(new NewKey("reader", null, Set.of(Scope.READ), null, "s3cr3t-value".toCharArray()), "test");
        assertThatThrownBy(() -> vault.mac("reader", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.TRADE))
                .isInstanceOf(KeyUnavailableException.class)
                .hasMessage("key 'reader' is not allowed scope trade (it has read)");
        assertThatThrownBy(() -> vault.mac("ghost", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.READ))
                .isInstanceOf(KeyUnavailableException.class).hasMessageContaining("unknown key alias 'ghost'");
        assertThat(vault.mac("reader", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.READ).mac()).hasSize(32);
        List<AuditRecord> refused = fixture.audit.read(1, 100).stream()
                .filter(r -> r.event().outcome().equals("refused")).toList();
        assertThat(refused).hasSize(2);
        assertThat(refused.get(0).event().details()).containsEntry("scope", "trade");
    }

    @Test
    void lastUsedIsKeptPerVersionAndPersisted() {
        vault.create(new NewKey("k", null, Set.of(Scope.TRADE), null, "one".toCharArray()), "test");
        assertThat(vault.get("k").orElseThrow().versions().get(0).lastUsed()).isNull();
        clock.advance(Duration.ofMinutes(5));
        vault.mac("k", "HmacSHA256", KeyEncoding.UTF8, MESSAGE, Scope.TRADE);
        Instant used = T0.plus(Duration.ofMinutes(5));
        assertThat(vault.get("k").orElseThrow().versions().get(0).lastUsed()).isEqualTo(used);
        fixture.close();
        TestSupport.Fixture reopened = new TestSupport.Fixture(data, "correct horse battery staple", clock);
        assertThat(reopened.vault.get("k").orElseThrow().versions().get(0).lastUsed()).isEqualTo(used);
        reopened.close();
    }

    @Test
    void verifiesByPublicIdAndMatchesWebhookSecrets() throws Exception {
        vault.create(new NewKey("kraken-main", null, Set.of(Scope.TRADE), "PUBLIC-KEY-1", "c2VjcmV0".toCharArray()),
                "test");
        byte[] mac = hmac("HmacSHA512", "secret".getBytes(StandardCharsets.UTF_8), MESSAGE);
        assertThat(vault.verify("PUBLIC-KEY-1", "HmacSHA512", KeyEncoding.BASE64, MESSAGE, mac)).isPresent();
        assertThat(vault.verify("kraken-main", "HmacSHA512", KeyEncoding.BASE64, MESSAGE, mac)).isPresent();
        assertThat(vault.verify("PUBLIC-KEY-2", "HmacSHA512", KeyEncoding.BASE64, MESSAGE, mac)).isEmpty();

        vault.create(new NewKey("tv-alerts", null, Set.of(Scope.WEBHOOK), null, "token-one".toCharArray()), "test");
        assertThat(vault.matchSecret("tv-alerts", "token-one".toCharArray())).map(KeyVersion::version).contains(1);
        assertThat(vault.matchSecret("tv-alerts", "token-on".toCharArray())).isEmpty();
        vault.rotate("tv-alerts", "token-two".toCharArray(), null, Duration.ofHours(1), "test");
        // during the overlap both tokens are accepted
        assertThat(vault.matchSecret("tv-alerts", "token-one".toCharArray())).map(KeyVersion::version).contains(1);
        assertThat(vault.matchSecret("tv-alerts", "token-two".toCharArray())).map(KeyVersion::version).contains(2);
    }

    @Test
    void aBase64SchemeOnANonBase64SecretIsAClearRefusal() {
        vault.create(new NewKey("k", null, Set.of(Scope.TRADE), null, "not base64 !".toCharArray()), "test");
        assertThatThrownBy(() -> vault.mac("k", "HmacSHA512", KeyEncoding.BASE64, MESSAGE, Scope.TRADE))
                .isInstanceOf(KeyUnavailableException.class)
                .hasMessage("the secret of key 'k' is not valid base64 text, which this scheme needs: re-import it");
    }

    @Test
    void computesTheRfc4231VectorsWithHexKeys() {
        for (Rfc4231.Case c : Rfc4231.CASES) {
            String alias = "rfc4231-" + c.number();
            vault.create(new NewKey(alias, null, Set.of(Scope.TRADE), null, c.keyHex().toCharArray()), "test");
            byte[] sha256 = vault.mac(alias, "HmacSHA256", KeyEncoding.HEX, c.data(), Scope.TRADE).mac();
            byte[] sha512 = vault.mac(alias, "HmacSHA512", KeyEncoding.HEX, c.data(), Scope.TRADE).mac();
            String hex256 = Hex.encode(sha256);
            String hex512 = Hex.encode(sha512);
            if (c.truncated()) {
                hex256 = hex256.substring(0, 32);
                hex512 = hex512.substring(0, 32);
            }
            assertThat(hex256).as("RFC 4231 case %d, HMAC-SHA-256", c.number()).isEqualTo(c.sha256());
            assertThat(hex512).as("RFC 4231 case %d, HMAC-SHA-512", c.number()).isEqualTo(c.sha512());
        }
    }

    @Test
    void manyThreadsSigningAtOnceEachGetTheRightMac() throws Exception {
        vault.create(new NewKey("shared", null, Set.of(Scope.TRADE), null, "shared-secret".toCharArray()), "test");
        // more threads than the per-thread Mac cells: ids collide, cells change owner, no Mac is ever shared
        int threads = 48;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        byte[] message = ("thread " + id + " message " + i).getBytes(StandardCharsets.UTF_8);
                        byte[] expected = hmac("HmacSHA256", "shared-secret".getBytes(StandardCharsets.UTF_8), message);
                        byte[] actual = vault.mac("shared", "HmacSHA256", KeyEncoding.UTF8, message, Scope.TRADE).mac();
                        if (!java.util.Arrays.equals(expected, actual)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }
}
