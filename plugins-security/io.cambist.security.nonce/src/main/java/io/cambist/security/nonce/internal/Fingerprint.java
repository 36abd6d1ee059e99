package io.cambist.security.nonce.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A 128-bit keyed fingerprint of a (key id, nonce) pair. Stores keep fingerprints instead of the strings: 24 bytes per
 * nonce with its timestamp.
 *
 * <p>MurmurHash3 x64/128 over the nonce's UTF-8 bytes, with its two lanes seeded by a MurmurHash3 of the key id's
 * UTF-8 bytes under the store's two random seeds; so pairs that concatenate alike ("ab"+"c", "a"+"bc") still differ.
 * Two different pairs collide with a probability near 2^-128. Nonces are claimed only after the request's signature
 * has been checked, so only a key holder chooses the inputs, and a collision would only refuse that holder's request.
 *
 * @param h1 the first 64 bits
 * @param h2 the second 64 bits
 */
record Fingerprint(long h1, long h2) {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Fingerprints for one store: its seeds, and a small cache of the lane seeds of recent key ids (requests repeat
     * key ids). The cache is indexed by the key id's (cached) String hash and holds immutable entries, so threads
     * using different keys do not overwrite each other's entry and a racy read sees a complete entry or none.
     */
    static final class Maker {
        private final long seed1;
        private final long seed2;
        private final KeySeeds[] cache = new KeySeeds[64];

        /** A key id and the lane seeds derived from it. */
        private record KeySeeds(String keyId, long s1, long s2) {
        }

        Maker(long seed1, long seed2) {
            this.seed1 = seed1;
            this.seed2 = seed2;
        }

        Fingerprint of(String keyId, String nonce) {
            int slot = keyId.hashCode() & (cache.length - 1);
            KeySeeds k = cache[slot];
            if (k == null || !k.keyId.equals(keyId)) {
                Fingerprint seeds = murmur(seed1, seed2, keyId.getBytes(StandardCharsets.UTF_8));
                k = new KeySeeds(keyId, seeds.h1, seeds.h2);
                cache[slot] = k;
            }
            return murmur(k.s1, k.s2, nonce.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** MurmurHash3 x64/128 of the bytes, its lanes started at the two seeds. */
    static Fingerprint murmur(long seed1, long seed2, byte[] data) {
        int length = data.length;
        int blocks = length >>> 4;
        long h1 = seed1;
        long h2 = seed2;
        for (int i = 0; i < blocks; i++) {
            long k1 = (long) LONGS.get(data, i << 4);
            long k2 = (long) LONGS.get(data, (i << 4) + 8);
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = blocks << 4;
        long k1 = 0;
        long k2 = 0;
        for (int i = length - 1; i >= tail; i--) {
            int shift = ((i - tail) & 7) << 3;
            if (i - tail >= 8) {
                k2 |= (data[i] & 0xffL) << shift;
            } else {
                k1 |= (data[i] & 0xffL) << shift;
            }
        }
        if (length - tail > 8) {
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
        }
        if (length > tail) {
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = mix(h1);
        h2 = mix(h2);
        h1 += h2;
        h2 += h1;
        return new Fingerprint(h1, h2);
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
