package io.cambist.security.vault.internal;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id cost parameters, recorded in the vault header so they can be raised later. The default is RFC 9106's
 * second recommended option (64 MiB, 3 passes, 4 lanes), above OWASP's minimum (19 MiB, 2 passes, 1 lane).
 *
 * @param memoryKiB   memory in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
record KdfParams(int memoryKiB, int iterations, int parallelism) {

    static final KdfParams DEFAULT = new KdfParams(65_536, 3, 4);

    KdfParams {
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("argon2 parallelism must be 1 to 64, not " + parallelism);
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException("argon2 iterations must be 1 to 100, not " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("argon2 memory must be " + 8 * parallelism + " KiB to 4 GiB, not "
                    + memoryKiB + " KiB");
        }
    }

    /** True when every cost is at least the other's. */
    boolean atLeast(KdfParams other) {
        return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
    }

    /** Derives a 256-bit key from a passphrase and salt with Argon2id (version 0x13). */
    byte[] derive(char[] passphrase, byte[] salt) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKiB)
                .withIterations(iterations).withParallelism(parallelism).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] key = new byte[32];
        generator.generateBytes(passphrase, key);
        return key;
    }

    @Override
    public String toString() {
        return "argon2id m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism;
    }
}
