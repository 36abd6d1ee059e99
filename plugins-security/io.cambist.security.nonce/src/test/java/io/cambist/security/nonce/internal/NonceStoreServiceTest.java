package io.cambist.security.nonce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

import io.cambist.api.security.NonceResult;

class NonceStoreServiceTest {

    @TempDir
    Path data;

    private BundleContext context() {
        return TestSupport.context(Map.of("cambist.data", data.toString()));
    }

    @Test
    void aBundleUpdateOfTheMemoryStoreLosesNoNonce() {
        NonceConfiguration memory = TestSupport.config(NonceConfiguration.class, Map.of());
        NonceStoreService before = new NonceStoreService(context(), memory);
        long ts = System.currentTimeMillis() + 5;
        assertThat(before.claim("admin", "before-the-update-1", ts)).isEqualTo(NonceResult.ACCEPTED);
        // SCR deactivates the old component and activates the one from the new bundle
        before.deactivate();
        assertThat(data.resolve("nonces").resolve(NonceConstants.SNAPSHOT_FILE)).exists();
        NonceStoreService after = new NonceStoreService(context(), memory);
        assertThat(after.claim("admin", "before-the-update-1", ts)).isEqualTo(NonceResult.REPLAYED);
        assertThat(after.stats().type()).isEqualTo("memory");
        assertThat(after.windowMillis()).isEqualTo(300_000);
        after.deactivate();
    }

    @Test
    void configurationChoosesTheFileStore() {
        NonceConfiguration file = TestSupport.config(NonceConfiguration.class,
                Map.of("store", "file", "windowSeconds", 60L));
        NonceStoreService service = new NonceStoreService(context(), file);
        assertThat(service.stats().type()).isEqualTo("file");
        assertThat(service.windowMillis()).isEqualTo(60_000);
        assertThat(data.resolve("nonces").resolve(NonceConstants.LOG_FILE)).exists();
        service.deactivate();
    }

    @Test
    void anUnknownStoreIsAClearError() {
        NonceConfiguration bad = TestSupport.config(NonceConfiguration.class, Map.of("store", "redis"));
        assertThatThrownBy(() -> new NonceStoreService(context(), bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nonce store 'redis' is not one of memory, file: fix store= in the io.cambist.security.nonce "
                        + "configuration");
    }

    @Test
    void theGeneratorKeepsItsMarksUnderTheDataFolder() {
        NonceConfiguration config = TestSupport.config(NonceConfiguration.class, Map.of());
        FileNonceGenerator generator = new FileNonceGenerator(context(), config);
        long first = generator.next("kraken-main");
        assertThat(data.resolve("nonces/generator/kraken-main.hwm")).exists();
        // a new instance (bundle update) continues above
        assertThat(new FileNonceGenerator(context(), config).next("kraken-main")).isGreaterThan(first);
    }
}
