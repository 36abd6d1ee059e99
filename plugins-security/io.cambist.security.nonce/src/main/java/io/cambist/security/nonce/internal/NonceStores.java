package io.cambist.security.nonce.internal;

import java.nio.file.Path;
import java.util.function.LongSupplier;

import io.cambist.api.security.NonceGenerator;
import io.cambist.api.security.NonceStore;

/**
 * The stores and the generator outside OSGi (tests of other bundles, benchmarks, embedding): the same classes the
 * components use. Close what you open ({@link AutoCloseable}); the memory store then writes its hand-over snapshot.
 */
public final class NonceStores {

    private NonceStores() {
    }

    /** A nonce store that can be closed. */
    public interface Closeable extends NonceStore, AutoCloseable {
        @Override
        void close();
    }

    /**
     * The bounded memory store.
     *
     * @param snapshotFile where it hands over on close and takes over on open, or null
     */
    public static Closeable memory(Path snapshotFile, long windowMillis, int maxEntries) {
        return memory(snapshotFile, windowMillis, maxEntries, System::currentTimeMillis);
    }

    /** The bounded memory store on a given clock (epoch milliseconds). */
    public static Closeable memory(Path snapshotFile, long windowMillis, int maxEntries, LongSupplier clock) {
        return wrap(new MemoryNonceStore(snapshotFile, windowMillis, maxEntries, clock));
    }

    /** The durable store in a folder. */
    public static Closeable file(Path dir, long windowMillis, int maxEntries) {
        return file(dir, windowMillis, maxEntries, System::currentTimeMillis);
    }

    /** The durable store in a folder on a given clock (epoch milliseconds). */
    public static Closeable file(Path dir, long windowMillis, int maxEntries, LongSupplier clock) {
        return wrap(new FileNonceStore(dir, windowMillis, maxEntries, clock));
    }

    /** The generator with its high-water marks in a folder. */
    public static NonceGenerator generator(Path dir, long block) {
        HighWaterMarks marks = new HighWaterMarks(dir, block, System::currentTimeMillis);
        return marks::next;
    }

    private static Closeable wrap(ManagedNonceStore store) {
        return new Closeable() {
            @Override
            public io.cambist.api.security.NonceResult claim(String keyId, String nonce, long timestampMillis) {
                return store.claim(keyId, nonce, timestampMillis);
            }

            @Override
            public long windowMillis() {
                return store.windowMillis();
            }

            @Override
            public io.cambist.api.security.NonceStoreStats stats() {
                return store.stats();
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }
}
