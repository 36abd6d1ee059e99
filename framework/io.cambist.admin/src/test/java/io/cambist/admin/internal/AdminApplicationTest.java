package io.cambist.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import io.cambist.admin.internal.auth.SignatureFilter;
import io.cambist.admin.internal.testing.CambistSigning;
import io.cambist.admin.internal.testing.FakeKeyRing;
import io.cambist.admin.internal.testing.FakeVerifier;
import io.cambist.admin.internal.testing.InMemoryApi;
import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.TestFramework;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.RequestVerifier;

/** The DS component itself in a real framework: its settings, its trackers, and its one application. */
class AdminApplicationTest {

    @TempDir
    Path data;
    private TestFramework felix;

    @BeforeEach
    void start() throws Exception {
        felix = new TestFramework(Map.of(AdminConstants.PLATFORM_START_LEVEL, "4", AdminConstants.DATA, data.toString(),
                AdminConstants.MODE, "embedded"));
    }

    @AfterEach
    void stop() throws Exception {
        felix.close();
    }

    static AdminConfiguration config(long maxJsonBytes) {
        return new AdminConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AdminConfiguration.class;
            }

            @Override
            public long maxJsonBytes() {
                return maxJsonBytes;
            }

            @Override
            public long maxJarBytes() {
                return 64L << 20;
            }

            @Override
            public long verifierWaitMillis() {
                return 100;
            }

            @Override
            public long stateWaitMillis() {
                return 100;
            }

            @Override
            public int maxBacktests() {
                return 1;
            }
        };
    }

    @Test
    void oneApplicationWithEveryResourceTrackingServicesAsTheyComeAndGo() throws Exception {
        AdminApplication app = new AdminApplication(felix.context(), config(1 << 20));
        assertThat(app.getSingletons()).hasAtLeastOneElementOfType(SignatureFilter.class);
        assertThat(app.getProperties()).containsEntry("jersey.config.server.wadl.disableWadl", true);
        InMemoryApi api = new InMemoryApi(app.getSingletons());

        Reply health = api.get("health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("uptimeMs").asLong()).isBetween(0L, 60_000L);

        // no verifier registered: fail closed after the configured wait
        api.signWith(CambistSigning.signer("admin", "s"));
        assertThat(api.get("keys").status()).isEqualTo(503);

        felix.context().registerService(RequestVerifier.class, FakeVerifier.admin("s"), null);
        assertThat(api.get("keys").json().get("error").asText()).isEqualTo("key ring unavailable");
        var ring = felix.context().registerService(KeyRing.class, new FakeKeyRing(), null);
        assertThat(api.get("keys").status()).isEqualTo(200);
        ring.unregister();
        assertThat(api.get("keys").status()).isEqualTo(503);

        // the platform start level comes from the framework property
        Bundle level5 = felix.install("test.level5", "1.0.0", 5);
        assertThat(api.get("bundles/" + level5.getBundleId()).json().get("platform").asBoolean()).isFalse();

        // backtests live under cambist.data
        assertThat(api.get("backtests").status()).isEqualTo(200);

        app.modified(config(1024));
        Reply tooBig = api.json("POST", "halt", "{\"reason\":\"" + "x".repeat(2000) + "\"}");
        assertThat(tooBig.status()).isEqualTo(413);

        app.deactivate();
        assertThat(api.get("bundles").status()).as("trackers closed: the verifier is gone").isEqualTo(503);
    }
}
