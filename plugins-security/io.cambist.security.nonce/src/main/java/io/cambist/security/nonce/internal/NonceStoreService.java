package io.cambist.security.nonce.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.security.NonceResult;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.NonceStoreStats;

/**
 * The {@link NonceStore} service; configuration picks the implementation ({@code memory} or {@code file}). A
 * configuration change re-creates it: the memory store hands its entries over through its snapshot, the file store
 * reopens its log, and a change from one to the other starts with the safe floor (everything up to now refused).
 */
@Component(service = NonceStore.class, configurationPid = NonceConstants.PID)
@Designate(ocd = NonceConfiguration.class)
public final class NonceStoreService implements NonceStore {

    private final Logger logger = LoggerFactory.getLogger(NonceStoreService.class);
    private final ManagedNonceStore delegate;

    @Activate
    public NonceStoreService(BundleContext context, NonceConfiguration config) {
        this.delegate = open(DataDirs.area(context, NonceConstants.AREA), config);
        logger.info("nonce store ready: {} store, window {} s, at most {} entries", config.store(),
                config.windowSeconds(), config.maxEntries());
    }

    static ManagedNonceStore open(java.nio.file.Path dir, NonceConfiguration config) {
        if (config.windowSeconds() < 1) {
            throw new IllegalArgumentException("nonce windowSeconds must be at least 1, not " + config.windowSeconds());
        }
        long window = config.windowSeconds() * 1000;
        return switch (config.store()) {
            case "memory" -> new MemoryNonceStore(dir.resolve(NonceConstants.SNAPSHOT_FILE), window,
                    config.maxEntries(), System::currentTimeMillis);
            case "file" -> {
                // a memory snapshot left from before a switch to the file store would be out of date if the
                // configuration is ever switched back: remove it, so the memory store then starts with the safe floor
                deleteQuietly(dir.resolve(NonceConstants.SNAPSHOT_FILE));
                yield new FileNonceStore(dir, window, config.maxEntries(), System::currentTimeMillis);
            }
            default -> throw new IllegalArgumentException("nonce store '" + config.store()
                    + "' is not one of memory, file: fix store= in the " + NonceConstants.PID + " configuration");
        };
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot remove the stale nonce snapshot " + file, e);
        }
    }

    @Deactivate
    void deactivate() {
        delegate.close();
    }

    @Override
    public NonceResult claim(String keyId, String nonce, long timestampMillis) {
        return delegate.claim(keyId, nonce, timestampMillis);
    }

    @Override
    public long windowMillis() {
        return delegate.windowMillis();
    }

    @Override
    public NonceStoreStats stats() {
        return delegate.stats();
    }
}
