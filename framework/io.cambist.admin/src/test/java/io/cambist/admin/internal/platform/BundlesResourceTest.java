package io.cambist.admin.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

import io.cambist.admin.internal.testing.InMemoryApi;
import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.TestApi;
import io.cambist.admin.internal.testing.TestFramework;

/** The bundle lifecycle against a real Felix framework. */
class BundlesResourceTest {

    private static TestFramework felix;
    private static Bundle platformBundle;
    private static InMemoryApi api;
    private static TestApi t;

    @BeforeAll
    static void start() throws Exception {
        felix = new TestFramework();
        platformBundle = felix.install("test.platform", "1.0.0", 3);
        t = new TestApi();
        t.context = felix.context();
        api = t.api();
    }

    @AfterAll
    static void stop() throws Exception {
        felix.close();
    }

    private static Reply upload(String method, String path, byte[] jar) {
        return api.send(method, path, "application/java-archive", jar, Map.of());
    }

    @Test
    void healthCountsBundlesWithoutASignature() {
        Reply r = api.signWith(null).get("health");
        api.signWith(io.cambist.admin.internal.testing.CambistSigning.signer("admin", TestApi.SECRET));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("UP");
        assertThat(r.json().get("bundles").asInt()).isEqualTo(felix.context().getBundles().length);
        assertThat(r.json().get("uptimeMs").asLong()).isEqualTo(1234L);
    }

    @Test
    void listShowsTheSystemBundleAsPlatform() {
        JsonNode list = api.get("bundles").json();
        JsonNode system = list.get(0);
        assertThat(system.get("id").asLong()).isZero();
        assertThat(system.get("platform").asBoolean()).isTrue();
        assertThat(system.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(system.has("problem")).isFalse();
    }

    @Test
    void installStartUpdateStopAndUninstallAPluginBundle() throws Exception {
        Reply installed = upload("POST", "bundles", TestFramework.bundleJar("test.plugin", "1.0.0", Map.of()));
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        JsonNode b = installed.json();
        long id = b.get("id").asLong();
        assertThat(installed.header("Location")).endsWith("/api/v1/bundles/" + id);
        assertThat(b.get("symbolicName").asText()).isEqualTo("test.plugin");
        assertThat(b.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(b.get("startLevel").asInt()).isEqualTo(6);
        assertThat(b.get("platform").asBoolean()).isFalse();
        assertThat(b.get("fragment").asBoolean()).isFalse();

        Reply stopped = api.json("PUT", "bundles/" + id + "/state", "{\"state\":\"RESOLVED\"}");
        assertThat(stopped.json().get("state").asText()).isEqualTo("RESOLVED");
        assertThat(felix.context().getBundle(id).getState()).isEqualTo(Bundle.RESOLVED);
        Reply started = api.json("PUT", "bundles/" + id + "/state", "{\"state\":\"active\"}");
        assertThat(started.json().get("state").asText()).isEqualTo("ACTIVE");

        Reply updated = upload("PUT", "bundles/" + id, TestFramework.bundleJar("test.plugin", "2.0.0", Map.of()));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("version").asText()).isEqualTo("2.0.0");
        assertThat(updated.json().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(api.get("bundles/" + id).json().get("version").asText()).isEqualTo("2.0.0");

        Reply deleted = api.delete("bundles/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("state").asText()).isEqualTo("UNINSTALLED");
        assertThat(deleted.json().get("platform").asBoolean()).isFalse();
        assertThat(deleted.json().get("startLevel").asInt()).isEqualTo(6);
        assertThat(api.get("bundles/" + id).status()).isEqualTo(404);
    }

    @Test
    void anUpdatedBundlesOldVersionCanBeInstalledAgainBesideIt() throws Exception {
        long id = upload("POST", "bundles", TestFramework.bundleJar("test.again", "1.0.0", Map.of())).json().get("id").asLong();
        upload("PUT", "bundles/" + id, TestFramework.bundleJar("test.again", "2.0.0", Map.of()));
        // the first install's location is still taken by the updated bundle: the new one must not be mistaken for it
        Reply again = upload("POST", "bundles", TestFramework.bundleJar("test.again", "1.0.0", Map.of()));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isNotEqualTo(id);
        assertThat(again.json().get("version").asText()).isEqualTo("1.0.0");
        assertThat(api.get("bundles/" + id).json().get("version").asText()).isEqualTo("2.0.0");
    }

    @Test
    void theOnlyProviderOfTheRequestVerifierCannotBeStoppedOrUninstalledButCanBeUpdated() throws Exception {
        Reply installed = upload("POST", "bundles", TestFramework.bundleJar("test.verifier", "1.0.0", Map.of()));
        long id = installed.json().get("id").asLong();
        Bundle verifierBundle = felix.context().getBundle(id);
        var registration = verifierBundle.getBundleContext().registerService(io.cambist.api.security.RequestVerifier.class,
                (request, scope) -> new io.cambist.api.security.Verification.Refused(401, "no"), null);
        try {
            Reply stop = api.json("PUT", "bundles/" + id + "/state", "{\"state\":\"RESOLVED\"}");
            assertThat(stop.status()).isEqualTo(409);
            assertThat(stop.json().get("detail").asText()).contains("only RequestVerifier").contains("lock itself out");
            assertThat(api.delete("bundles/" + id).status()).isEqualTo(409);
            assertThat(verifierBundle.getState()).isEqualTo(Bundle.ACTIVE);

            // with a second provider elsewhere, the first may go
            felix.context().registerService(io.cambist.api.security.RequestVerifier.class,
                    (request, scope) -> new io.cambist.api.security.Verification.Refused(401, "no"), null);
            assertThat(api.json("PUT", "bundles/" + id + "/state", "{\"state\":\"RESOLVED\"}").status()).isEqualTo(200);
        } finally {
            if (verifierBundle.getState() == Bundle.ACTIVE) {
                registration.unregister();
            }
        }
        assertThat(upload("PUT", "bundles/" + id, TestFramework.bundleJar("test.verifier", "1.0.1", Map.of())).status())
                .isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotAJarIs400() {
        Reply r = upload("POST", "bundles", "this is not a jar".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("not a jar");
    }

    @Test
    void aJarThatIsNotABundleIs400() throws Exception {
        Reply r = upload("POST", "bundles", TestFramework.bundleJar(null, null, Map.of()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("Bundle-SymbolicName");
    }

    @Test
    void aCorruptJarIs400AndTheFrameworkStaysUp() throws Exception {
        byte[] jar = TestFramework.bundleJar("test.corrupt", "1.0.0", Map.of());
        byte[] cut = java.util.Arrays.copyOf(jar, jar.length / 2);
        for (int i = 40; i < cut.length; i++) {
            cut[i] = (byte) (cut[i] ^ 0x5a);
        }
        Reply r = upload("POST", "bundles", cut);
        assertThat(r.status()).isEqualTo(400);
        assertThat(api.get("health").status()).isEqualTo(200);
    }

    @Test
    void anEmptyBodyIs400() {
        Reply r = upload("POST", "bundles", new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("empty");
    }

    @Test
    void aBadVersionIs400() throws Exception {
        Reply r = upload("POST", "bundles", TestFramework.bundleJar("test.badversion", "one.two", Map.of()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("Bundle-Version");
    }

    @Test
    void theSameBundleTwiceIs409() throws Exception {
        byte[] jar = TestFramework.bundleJar("test.twice", "1.0.0", Map.of());
        assertThat(upload("POST", "bundles", jar).status()).isEqualTo(201);
        Reply again = upload("POST", "bundles", jar);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("PUT /api/v1/bundles/");
    }

    @Test
    void aBundleThatCannotStartIsInstalledAndSaysWhy() throws Exception {
        Reply r = upload("POST", "bundles", TestFramework.bundleJar("test.unresolved", "1.0.0",
                Map.of("Import-Package", "com.example.missing")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("state").asText()).isEqualTo("INSTALLED");
        assertThat(r.json().get("problem").asText()).startsWith("installed but not started").contains("com.example.missing");
        long id = r.json().get("id").asLong();
        Reply start = api.json("PUT", "bundles/" + id + "/state", "{\"state\":\"ACTIVE\"}");
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.json().get("detail").asText()).contains("com.example.missing");
    }

    @Test
    void aFragmentIsNotStarted() throws Exception {
        Reply r = upload("POST", "bundles", TestFramework.bundleJar("test.fragment", "1.0.0",
                Map.of("Fragment-Host", "test.platform")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("fragment").asBoolean()).isTrue();
        assertThat(r.json().has("problem")).isFalse();
        long id = r.json().get("id").asLong();
        assertThat(api.json("PUT", "bundles/" + id + "/state", "{\"state\":\"ACTIVE\"}").status()).isEqualTo(409);
    }

    @Test
    void platformBundlesCannotBeStoppedUpdatedOrUninstalled() throws Exception {
        long id = platformBundle.getBundleId();
        Reply stop = api.json("PUT", "bundles/" + id + "/state", "{\"state\":\"RESOLVED\"}");
        assertThat(stop.status()).isEqualTo(409);
        assertThat(stop.json().get("detail").asText()).contains("platform").contains("start level 3");
        assertThat(upload("PUT", "bundles/" + id, TestFramework.bundleJar("test.platform", "9.0.0", Map.of())).status())
                .isEqualTo(409);
        assertThat(api.delete("bundles/" + id).status()).isEqualTo(409);
        assertThat(api.delete("bundles/0").status()).isEqualTo(409);
        assertThat(platformBundle.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(platformBundle.getVersion().toString()).isEqualTo("1.0.0");
    }

    @Test
    void theStartLevelThatCountsAsPlatformComesFromTheSettings() throws Exception {
        Bundle level6 = felix.install("test.level6", "1.0.0", 6);
        assertThat(api.get("bundles/" + level6.getBundleId()).json().get("platform").asBoolean()).isFalse();
        t.settings.set(new io.cambist.admin.internal.AdminSettings(1 << 20, 64 << 20, 200, 300, 2, 6));
        try {
            assertThat(api.get("bundles/" + level6.getBundleId()).json().get("platform").asBoolean()).isTrue();
            assertThat(api.delete("bundles/" + level6.getBundleId()).status()).isEqualTo(409);
        } finally {
            t.settings.set(new io.cambist.admin.internal.AdminSettings(1 << 20, 64 << 20, 200, 300, 2, 5));
        }
    }

    @Test
    void updatingWithAnotherBundleIs400() throws Exception {
        long id = upload("POST", "bundles", TestFramework.bundleJar("test.one", "1.0.0", Map.of())).json().get("id").asLong();
        Reply r = upload("PUT", "bundles/" + id, TestFramework.bundleJar("test.other", "1.0.0", Map.of()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("test.other").contains("test.one");
    }

    @Test
    void unknownAndMalformedIds() {
        assertThat(api.get("bundles/999999").status()).isEqualTo(404);
        Reply r = api.get("bundles/abc");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("abc");
        assertThat(api.json("PUT", "bundles/" + platformBundle.getBundleId() + "/state", "{\"state\":\"GONE\"}").status())
                .isEqualTo(400);
        assertThat(api.json("PUT", "bundles/" + platformBundle.getBundleId() + "/state", "{\"state\":\"ACTIVE\",\"x\":1}").status())
                .isEqualTo(400);
    }
}
