package io.cambist.admin.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cambist.admin.internal.security.KeyRequests.NewKeyBody;
import io.cambist.admin.internal.security.KeyRequests.RotateBody;
import io.cambist.admin.internal.security.KeyRequests.StageBody;
import io.cambist.admin.internal.testing.FakeKeyRing;
import io.cambist.admin.internal.testing.InMemoryApi;
import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.LogCapture;
import io.cambist.admin.internal.testing.TestApi;

class KeysResourceTest {

    private final TestApi t = new TestApi();
    private final FakeKeyRing ring = new FakeKeyRing();
    private InMemoryApi api;

    @BeforeEach
    void setUp() {
        t.keyRing.set(ring);
        api = t.api();
    }

    @Test
    void aGeneratedSecretIsShownOnceAndOnlyMetadataAfterwards() {
        Reply created = api.json("POST", "keys", "{\"alias\":\"ops\",\"description\":\"operator\",\"scopes\":[\"read\",\"ADMIN\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("secret").asText()).isEqualTo(FakeKeyRing.GENERATED);
        assertThat(created.json().get("note").asText()).contains("shown once");
        assertThat(created.json().get("version").get("scopes").toString()).isEqualTo("[\"read\",\"admin\"]");
        assertThat(created.header("Location")).endsWith("/api/v1/keys/ops");
        assertThat(ring.lastActor).isEqualTo("admin");

        Reply list = api.get("keys");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).doesNotContain(FakeKeyRing.GENERATED).doesNotContain("secret");
        JsonNode v = list.json().get(0).get("versions").get(0);
        assertThat(v.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(v.get("created").asLong()).isEqualTo(1_767_225_600_000L);
        assertThat(api.get("keys/ops").json().get("alias").asText()).isEqualTo("ops");
        assertThat(api.get("keys/nope").status()).isEqualTo(404);
    }

    @Test
    void anImportedSecretReachesTheVaultButIsNeverEchoedOrLogged() {
        try (LogCapture logs = new LogCapture()) {
            Reply created = api.json("POST", "keys",
                    "{\"alias\":\"binance-main\",\"scopes\":[\"trade\"],\"publicId\":\"AKIA1\",\"secret\":\"imported-S3CRET\"}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text()).doesNotContain("imported-S3CRET");
            assertThat(created.json().has("secret")).isFalse();
            assertThat(ring.secrets.get("binance-main")).isEqualTo("imported-S3CRET");
            // the vault's copy is its own: wiping ours did not touch it
            assertThat(new String(ring.received.get(0))).isEqualTo("imported-S3CRET");

            Reply rotated = api.json("POST", "keys/binance-main/rotate", "{\"secret\":\"next-S3CRET\",\"overlap\":\"PT10M\"}");
            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
            assertThat(rotated.text()).doesNotContain("next-S3CRET");
            assertThat(ring.secrets.get("binance-main")).isEqualTo("next-S3CRET");
            assertThat(logs.all()).contains("binance-main").doesNotContain("S3CRET");
        }
    }

    @Test
    void rotateWithoutABodyGeneratesAndKeepsThePreviousVersionForTheOverlap() {
        api.json("POST", "keys", "{\"alias\":\"ops\",\"scopes\":[\"admin\"]}");
        Reply rotated = api.send("POST", "keys/ops/rotate", null, null, java.util.Map.of());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.json().get("secret").asText()).isEqualTo(FakeKeyRing.GENERATED);
        JsonNode versions = rotated.json().get("key").get("versions");
        assertThat(versions.get(0).get("state").asText()).isEqualTo("PREVIOUS");
        assertThat(versions.get(0).get("expires").asLong()).isEqualTo(1_767_225_600_000L + 3_600_000L);
        assertThat(versions.get(1).get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aStagedVersionIsPendingUntilActivated() {
        api.json("POST", "keys", "{\"alias\":\"kraken-main\",\"scopes\":[\"trade\"],\"publicId\":\"OLD\",\"secret\":\"old-S3CRET\"}");
        try (LogCapture logs = new LogCapture()) {
            Reply staged = api.json("POST", "keys/kraken-main/stage", "{\"publicId\":\"NEW\",\"secret\":\"new-S3CRET\"}");
            assertThat(staged.status()).as(staged.toString()).isEqualTo(200);
            assertThat(staged.text()).doesNotContain("new-S3CRET");
            assertThat(staged.json().has("secret")).isFalse();
            assertThat(staged.json().get("version").get("state").asText()).isEqualTo("PENDING");
            assertThat(staged.json().get("version").get("publicId").asText()).isEqualTo("NEW");
            assertThat(ring.secrets.get("kraken-main")).isEqualTo("new-S3CRET");
            assertThat(logs.all()).contains("kraken-main").doesNotContain("S3CRET");
        }
        Reply again = api.json("POST", "keys/kraken-main/stage", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("PENDING");

        Reply noVersion = api.json("POST", "keys/kraken-main/activate", "{}");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().get("detail").asText()).contains("\"version\": N");
        assertThat(api.json("POST", "keys/kraken-main/activate", "{\"version\":1}").status()).isEqualTo(409);
        assertThat(api.json("POST", "keys/kraken-main/activate", "{\"version\":9}").status()).isEqualTo(404);
        assertThat(api.json("POST", "keys/kraken-main/activate", "{\"version\":2,\"overlap\":\"soon\"}").status())
                .isEqualTo(400);
        assertThat(api.json("POST", "keys/nope/stage", "{}").status()).isEqualTo(404);

        Reply activated = api.json("POST", "keys/kraken-main/activate", "{\"version\":2,\"overlap\":\"PT5M\"}");
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        JsonNode versions = activated.json().get("versions");
        assertThat(versions.get(0).get("state").asText()).isEqualTo("PREVIOUS");
        assertThat(versions.get(0).get("expires").asLong()).isEqualTo(1_767_225_600_000L + 300_000L);
        assertThat(versions.get(1).get("state").asText()).isEqualTo("ACTIVE");
        assertThat(ring.lastActor).isEqualTo("admin");
    }

    @Test
    void revokeOneOrAllVersions() {
        api.json("POST", "keys", "{\"alias\":\"ops\",\"scopes\":[\"admin\"]}");
        Reply revoked = api.json("POST", "keys/ops/revoke", "{\"version\":1,\"reason\":\"leaked\"}");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("versions").get(0).get("state").asText()).isEqualTo("REVOKED");
        assertThat(api.json("POST", "keys/ops/revoke", "{\"version\":-1}").status()).isEqualTo(400);
        assertThat(api.json("POST", "keys/nope/revoke", "{}").status()).isEqualTo(404);
    }

    @Test
    void invalidRequestsAre400Or409() {
        assertThat(api.json("POST", "keys", "{\"alias\":\"x\"}").status()).isEqualTo(400);
        Reply badScope = api.json("POST", "keys", "{\"alias\":\"x\",\"scopes\":[\"root\"]}");
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.json().get("detail").asText()).contains("root").contains("read, trade, admin, webhook");
        assertThat(api.json("POST", "keys", "{\"alias\":\"bad alias!\",\"scopes\":[\"read\"]}").status()).isEqualTo(400);
        assertThat(api.json("POST", "keys", "{\"alias\":\"x\",\"scopes\":[\"read\"],\"secret\":\"\"}").status()).isEqualTo(400);
        assertThat(api.json("POST", "keys", "{\"alias\":\"x\",\"scopes\":[\"read\"],\"secrte\":\"s\"}").status()).isEqualTo(400);
        api.json("POST", "keys", "{\"alias\":\"dup\",\"scopes\":[\"read\"]}");
        assertThat(api.json("POST", "keys", "{\"alias\":\"dup\",\"scopes\":[\"read\"]}").status()).isEqualTo(409);
        assertThat(api.json("POST", "keys/dup/rotate", "{\"overlap\":\"an hour\"}").status()).isEqualTo(400);
        assertThat(api.json("POST", "keys/nope/rotate", "{}").status()).isEqualTo(404);
        assertThat(api.json("POST", "keys", "").status()).isEqualTo(400);
    }

    @Test
    void aMalformedBodyWithASecretNeverEchoesIt() {
        Reply r = api.json("POST", "keys", "{\"alias\":\"x\",\"scopes\":\"read\",\"secret\":\"leak-me-not\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).doesNotContain("leak-me-not");
    }

    @Test
    void requestBodiesNeverPrintTheirSecret() {
        assertThat(new NewKeyBody("a", null, null, null, "s3cret".toCharArray()).toString()).doesNotContain("s3cret");
        assertThat(new RotateBody("s3cret".toCharArray(), null, null).toString()).doesNotContain("s3cret");
        assertThat(new StageBody("s3cret".toCharArray(), null).toString()).doesNotContain("s3cret");
    }

    @Test
    void withoutTheVaultTheAnswerIs503NamingIt() {
        t.keyRing.clear();
        Reply r = api.get("keys");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("key ring unavailable");
        assertThat(r.json().get("detail").asText()).contains("io.cambist.security.vault");
    }
}
