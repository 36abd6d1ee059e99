package io.cambist.benchmarks.security;

import io.cambist.api.security.NonceResult;
import io.cambist.security.nonce.internal.NonceStores;

/**
 * Memory per retained nonce in the memory store: heap in use after filling it with N live nonces, minus before,
 * divided by N (after full collections). Run: {@code java -cp benchmarks.jar io.cambist.benchmarks.security.NonceMemoryProbe
 * [N]}.
 */
public final class NonceMemoryProbe {

    private NonceMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String[] nonces = new String[n];
        for (int i = 0; i < n; i++) {
            nonces[i] = "probe-" + Integer.toString(i, 36) + "-0123456789abcdef";
        }
        long before = usedHeap();
        // room for all of them: this measures retained entries, not eviction
        NonceStores.Closeable store = NonceStores.memory(null, 300_000, n + n / 4);
        Thread.sleep(2);
        long ts = System.currentTimeMillis();
        int accepted = 0;
        for (String nonce : nonces) {
            if (store.claim("probe-key", nonce, ts) == NonceResult.ACCEPTED) {
                accepted++;
            }
        }
        long after = usedHeap();
        System.out.printf("nonces claimed: %d, retained: %d, heap for the store: %.1f MiB, bytes per retained nonce: %.1f%n",
                accepted, store.stats().retained(), (after - before) / 1048576.0,
                (after - before) / (double) store.stats().retained());
        store.close();
        // keep the nonce strings alive until after the measurement so they are not counted as freed
        System.out.println("(" + nonces.length + " nonce strings held by the probe, not by the store)");
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
