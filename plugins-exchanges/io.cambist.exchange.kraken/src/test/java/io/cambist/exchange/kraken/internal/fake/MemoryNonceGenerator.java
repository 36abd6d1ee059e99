package io.cambist.exchange.kraken.internal.fake;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.cambist.api.security.NonceGenerator;

/** An in-memory {@link NonceGenerator}: {@code max(now, last + 1)} per alias, like the real one minus persistence. */
public final class MemoryNonceGenerator implements NonceGenerator {

    private final ConcurrentHashMap<String, long[]> last = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public MemoryNonceGenerator() {
        this(System::currentTimeMillis);
    }

    public MemoryNonceGenerator(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public long next(String keyAlias) {
        long[] l = last.computeIfAbsent(keyAlias, k -> new long[1]);
        synchronized (l) {
            l[0] = Math.max(clock.getAsLong(), l[0] + 1);
            return l[0];
        }
    }
}
