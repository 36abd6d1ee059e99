package io.cambist.security.vault.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.KeyUnavailableException;

/**
 * The secret of one key version and the {@link Mac}s initialised with it. Each thread gets its own initialised Mac
 * per (algorithm, encoding), so signing costs one {@code doFinal}. The Macs sit in a small array indexed by thread id,
 * each with its owner: a thread uses only a Mac it owns, and a thread that finds another owner in its cell makes its
 * own and takes the cell (rare: it needs two signing threads whose ids collide). This is cheaper than a ThreadLocal
 * and never shares a Mac between threads. Never printed, never handed out.
 */
final class SecretMaterial {

    private final byte[] text;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private volatile Slot last;
    private volatile long lastUsed;

    /** A Mac and the one thread allowed to use it. */
    private record Owned(Thread owner, Mac mac) {
    }

    /** Mac instances of one (algorithm, encoding) pair, one per thread. */
    private static final class Slot {
        final String algorithm;
        final KeyEncoding encoding;
        final SecretKeySpec key;
        final AtomicReferenceArray<Owned> cells = new AtomicReferenceArray<>(32);

        Slot(String algorithm, KeyEncoding encoding, SecretKeySpec key) {
            this.algorithm = algorithm;
            this.encoding = encoding;
            this.key = key;
        }

        Mac forThisThread() {
            Thread me = Thread.currentThread();
            int cell = (int) me.getId() & 31;
            Owned owned = cells.getPlain(cell);
            if (owned != null && owned.owner == me) {
                return owned.mac;
            }
            try {
                Mac mac = Mac.getInstance(algorithm);
                mac.init(key);
                cells.setRelease(cell, new Owned(me, mac));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot initialise " + algorithm, e);
            }
        }
    }

    /**
     * @param text     the secret's UTF-8 bytes (owned from now on)
     * @param lastUsed when it was last used, epoch ms, or 0
     */
    SecretMaterial(byte[] text, long lastUsed) {
        this.text = text;
        this.lastUsed = lastUsed;
    }

    /** An initialised Mac for this thread. */
    Mac mac(String alias, int version, String algorithm, KeyEncoding encoding) {
        Slot slot = last;
        if (slot == null || slot.encoding != encoding || !slot.algorithm.equals(algorithm)) {
            slot = slots.computeIfAbsent(algorithm + '/' + encoding, k -> newSlot(alias, version, algorithm, encoding));
            last = slot;
        }
        return slot.forThisThread();
    }

    private Slot newSlot(String alias, int version, String algorithm, KeyEncoding encoding) {
        byte[] key = keyBytes(alias, encoding);
        try {
            // fail now, with a clear message, rather than later for each thread
            Mac.getInstance(algorithm).init(new SecretKeySpec(key, algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("MAC algorithm '" + algorithm + "' is not available in this Java runtime");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyUnavailableException("key '" + alias + "' version " + version + " cannot be used with "
                    + algorithm + ": " + e.getClass().getSimpleName());
        }
        SecretKeySpec spec = new SecretKeySpec(key, algorithm);
        Arrays.fill(key, (byte) 0);
        return new Slot(algorithm, encoding, spec);
    }

    private byte[] keyBytes(String alias, KeyEncoding encoding) {
        try {
            return switch (encoding) {
                case UTF8 -> text.clone();
                case BASE64 -> Base64.getDecoder().decode(text);
                case HEX -> Hex.decode(StandardCharsets.US_ASCII.decode(ByteBuffer.wrap(text)));
            };
        } catch (IllegalArgumentException e) {
            throw new KeyUnavailableException("the secret of key '" + alias + "' is not valid " + encoding.name()
                    .toLowerCase(java.util.Locale.ROOT) + " text, which this scheme needs: re-import it");
        }
    }

    /** Compares a presented secret with this one in constant time (digests of both, so lengths do not leak). */
    boolean matches(char[] presented) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(presented));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(bytes);
            byte[] b = sha.digest(text);
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }

    /** The secret as stored (for the encrypted vault file only). */
    String textForVaultFile() {
        return new String(text, StandardCharsets.UTF_8);
    }

    /**
     * Records a use; writes the shared field at most once a second, so concurrent signers do not fight over it.
     *
     * @return true when the recorded time changed
     */
    boolean touch(long now) {
        if (now - lastUsed >= 1000) {
            lastUsed = now;
            return true;
        }
        return false;
    }

    long lastUsed() {
        return lastUsed;
    }

    @Override
    public String toString() {
        return "SecretMaterial[***]";
    }
}
