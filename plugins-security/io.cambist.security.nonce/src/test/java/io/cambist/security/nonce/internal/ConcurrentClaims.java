package io.cambist.security.nonce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import io.cambist.api.security.NonceResult;
import io.cambist.api.security.NonceStore;

/** Many threads claiming the same nonces at once, each thread starting at another offset. */
final class ConcurrentClaims {

    private ConcurrentClaims() {
    }

    /**
     * Every thread claims every nonce {@code prefix0 .. prefix(nonces-1)} of key {@code shared} at {@code ts};
     * asserts that each nonce was accepted exactly once.
     */
    static void assertEachAcceptedOnce(NonceStore store, String prefix, int nonces, int threads, int stride, long ts)
            throws Exception {
        AtomicIntegerArray acceptedPerNonce = new AtomicIntegerArray(nonces);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * stride;
                tasks.add(() -> {
                    for (int i = 0; i < nonces; i++) {
                        int n = (i + offset) % nonces;
                        if (store.claim("shared", prefix + n, ts) == NonceResult.ACCEPTED) {
                            acceptedPerNonce.incrementAndGet(n);
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        for (int i = 0; i < nonces; i++) {
            assertThat(acceptedPerNonce.get(i)).as("accepts of nonce %d", i).isEqualTo(1);
        }
    }
}
