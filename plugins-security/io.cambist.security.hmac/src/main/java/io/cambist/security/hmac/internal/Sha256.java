package io.cambist.security.hmac.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A SHA-256 digest per thread (schemes hash bodies on every signature). */
final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    });

    private Sha256() {
    }

    /** SHA-256 of the concatenation of the parts. */
    static byte[] of(byte[]... parts) {
        MessageDigest sha = DIGEST.get();
        sha.reset();
        for (byte[] p : parts) {
            sha.update(p);
        }
        return sha.digest();
    }
}
