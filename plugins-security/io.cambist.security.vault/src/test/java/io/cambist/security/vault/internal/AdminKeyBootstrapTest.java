package io.cambist.security.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyState;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;

class AdminKeyBootstrapTest {

    @TempDir
    Path data;

    private final TestSupport.MutableClock clock = new TestSupport.MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void createsTheAdminKeyOnceAndWritesItsFileOwnerOnly() throws Exception {
        Path adminKey = data.resolve("admin.key");
        try (TestSupport.Fixture f = new TestSupport.Fixture(data, "pass", clock)) {
            assertThat(AdminKeyBootstrap.ensure(f.vault, adminKey, new SecureFiles())).isTrue();
            KeyInfo admin = f.vault.get("admin").orElseThrow();
            assertThat(admin.active().orElseThrow().scopes()).containsExactlyInAnyOrder(Scope.ADMIN, Scope.READ);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminKey))).isEqualTo("rw-------");
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(adminKey));
            assertThat(json).containsOnlyKeys("keyId", "secret").containsEntry("keyId", "admin");
            // the secret in the file is the one the vault verifies
            String secret = (String) json.get("secret");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal("GET\n/api/v1/keys".getBytes(StandardCharsets.UTF_8));
            assertThat(f.vault.verify("admin", "HmacSHA256", KeyEncoding.UTF8,
                    "GET\n/api/v1/keys".getBytes(StandardCharsets.UTF_8), signature)).isPresent();
        }
        byte[] written = Files.readAllBytes(adminKey);
        // the next start finds the admin key and leaves everything alone
        try (TestSupport.Fixture f = new TestSupport.Fixture(data, "pass", clock)) {
            assertThat(AdminKeyBootstrap.ensure(f.vault, adminKey, new SecureFiles())).isFalse();
            assertThat(f.vault.get("admin").orElseThrow().versions()).hasSize(1);
        }
        assertThat(Files.readAllBytes(adminKey)).isEqualTo(written);
    }

    @Test
    void anotherKeyWithAdminScopeIsEnough() {
        try (TestSupport.Fixture f = new TestSupport.Fixture(data, "pass", clock)) {
            f.vault.create(new NewKey("ops", null, Set.of(Scope.ADMIN), null, null), "test");
            assertThat(AdminKeyBootstrap.ensure(f.vault, data.resolve("admin.key"), new SecureFiles())).isFalse();
            assertThat(data.resolve("admin.key")).doesNotExist();
        }
    }

    @Test
    void aRevokedAdminKeyIsReplacedByANewVersion() {
        try (TestSupport.Fixture f = new TestSupport.Fixture(data, "pass", clock)) {
            AdminKeyBootstrap.ensure(f.vault, data.resolve("admin.key"), new SecureFiles());
            f.vault.revoke("admin", 0, "lost laptop", "test");
            assertThat(AdminKeyBootstrap.ensure(f.vault, data.resolve("admin.key"), new SecureFiles())).isTrue();
            assertThat(f.vault.get("admin").orElseThrow().versions()).extracting(v -> v.state())
                    .containsExactly(KeyState.REVOKED, KeyState.ACTIVE);
        }
    }
}
