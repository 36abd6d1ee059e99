package io.cambist.security.vault.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted vault file: magic {@code CMBVAULT}, a 4-byte header length, a JSON header (format, KDF and its
 * parameters and salt, cipher and IV) and the AES-256-GCM ciphertext with its 128-bit tag. The magic and header are
 * the GCM associated data, so a changed parameter fails the tag check like a wrong passphrase.
 */
final class VaultFile {

    private static final byte[] MAGIC = "CMBVAULT".getBytes(StandardCharsets.US_ASCII);
    private static final int TAG_BITS = 128;

    /**
     * A parsed file.
     *
     * @param kdf        the KDF parameters
     * @param salt       the KDF salt
     * @param iv         the GCM IV
     * @param aad        magic, length and header: the associated data
     * @param ciphertext ciphertext and tag
     */
    record Sealed(KdfParams kdf, byte[] salt, byte[] iv, byte[] aad, byte[] ciphertext) {
    }

    private VaultFile() {
    }

    static byte[] seal(KdfParams kdf, byte[] salt, byte[] key, byte[] plaintext, SecureRandom random) {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", 1L);
        header.put("kdf", "argon2id");
        header.put("argon2Version", 19L);
        header.put("memoryKiB", (long) kdf.memoryKiB());
        header.put("iterations", (long) kdf.iterations());
        header.put("parallelism", (long) kdf.parallelism());
        header.put("salt", Base64.getEncoder().encodeToString(salt));
        header.put("cipher", "AES-256-GCM");
        header.put("iv", Base64.getEncoder().encodeToString(iv));
        byte[] headerBytes = Json.write(header).getBytes(StandardCharsets.UTF_8);
        ByteBuffer aad = ByteBuffer.allocate(MAGIC.length + 4 + headerBytes.length);
        aad.put(MAGIC).putInt(headerBytes.length).put(headerBytes);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad.array());
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(aad.array(), aad.capacity() + ciphertext.length);
            System.arraycopy(ciphertext, 0, out, aad.capacity(), ciphertext.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * Reads the header.
     *
     * @throws VaultException when the bytes are not a vault file this version understands
     */
    @SuppressWarnings("unchecked")
    static Sealed parse(byte[] file, String name) {
        try {
            ByteBuffer in = ByteBuffer.wrap(file);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new VaultException(name + " is not a Cambist vault (bad magic)", true);
            }
            int length = in.getInt();
            if (length <= 0 || length > 4096 || length > in.remaining()) {
                throw new VaultException(name + " has a damaged header", true);
            }
            byte[] headerBytes = new byte[length];
            in.get(headerBytes);
            Map<String, Object> header = (Map<String, Object>) Json.parse(new String(headerBytes, StandardCharsets.UTF_8));
            if (!Long.valueOf(1).equals(header.get("format")) || !"argon2id".equals(header.get("kdf"))
                    || !"AES-256-GCM".equals(header.get("cipher"))) {
                throw new VaultException(name + " uses a format this version of Cambist does not read: upgrade Cambist",
                        true);
            }
            KdfParams kdf = new KdfParams(((Long) header.get("memoryKiB")).intValue(),
                    ((Long) header.get("iterations")).intValue(), ((Long) header.get("parallelism")).intValue());
            byte[] salt = Base64.getDecoder().decode((String) header.get("salt"));
            byte[] iv = Base64.getDecoder().decode((String) header.get("iv"));
            byte[] aad = Arrays.copyOf(file, MAGIC.length + 4 + length);
            byte[] ciphertext = Arrays.copyOfRange(file, aad.length, file.length);
            return new Sealed(kdf, salt, iv, aad, ciphertext);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException | ClassCastException
                | NullPointerException e) {
            throw new VaultException(name + " has a damaged header", true);
        }
    }

    /**
     * Decrypts.
     *
     * @throws AEADBadTagException for a wrong key (wrong passphrase) or a changed file
     */
    static byte[] open(Sealed sealed, byte[] key) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(sealed.aad());
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }
}
