package io.cambist.security.vault.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.crypto.AEADBadTagException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault file on disk: locks the folder, derives the key from the passphrase (the slow Argon2id step, done once
 * per open), decrypts or creates the file, and re-encrypts every change into a new file written atomically with the
 * previous one kept as {@code vault.bin.bak}. A wrong passphrase changes nothing on disk. When the configured KDF
 * parameters are stronger than the file's, the next save re-derives the key with them (new salt).
 */
final class VaultStorage implements AutoCloseable {

    private final Logger logger = LoggerFactory.getLogger(VaultStorage.class);

    private final Path dir;
    private final Path file;
    private final Path backup;
    private final Passphrases passphrases;
    private final KdfParams wanted;
    private final SecureFiles files;
    private final SecureRandom random = new SecureRandom();

    private VaultLock lock;
    private byte[] key;
    private byte[] salt;
    private KdfParams kdf;
    private char[] passphraseForUpgrade;
    private boolean created;

    VaultStorage(Path dir, Passphrases passphrases, KdfParams wanted, SecureFiles files) {
        this.dir = dir;
        this.file = dir.resolve(VaultConstants.VAULT_FILE);
        this.backup = dir.resolve(VaultConstants.BACKUP_FILE);
        this.passphrases = passphrases;
        this.wanted = wanted;
        this.files = files;
    }

    /**
     * Opens (or creates) the vault.
     *
     * @return its keys
     * @throws VaultException for a held lock, a missing or wrong passphrase, or a damaged file
     */
    List<KeyEntry> open() {
        lock();
        Passphrases.Resolved passphrase = null;
        try {
            Files.deleteIfExists(dir.resolve(VaultConstants.VAULT_FILE + ".tmp"));
            passphrase = passphrases.resolve();
            List<KeyEntry> keys;
            if (Files.exists(file)) {
                keys = decrypt(Files.readAllBytes(file), passphrase);
            } else {
                salt = newSalt();
                kdf = wanted;
                key = kdf.derive(passphrase.value(), salt);
                keys = List.of();
                save(keys);
                created = true;
                logger.info("created the vault {} ({}, passphrase from {})", file, kdf, passphrase.origin());
            }
            return keys;
        } catch (IOException e) {
            throw new VaultException("cannot read the vault " + file + ": " + e.getMessage(), e);
        } finally {
            if (passphrase != null && passphraseForUpgrade != passphrase.value()) {
                Arrays.fill(passphrase.value(), '\0');
            }
        }
    }

    /**
     * Takes the folder's lock now (cheap; done at activation so no offline tool can open the vault while the container
     * runs), unless already held.
     *
     * @throws VaultException when another process or tool holds it
     */
    void lock() {
        if (lock == null) {
            lock = VaultLock.acquire(dir);
        }
    }

    private List<KeyEntry> decrypt(byte[] bytes, Passphrases.Resolved passphrase) {
        VaultFile.Sealed sealed = VaultFile.parse(bytes, file.toString());
        byte[] candidate = sealed.kdf().derive(passphrase.value(), sealed.salt());
        byte[] plaintext;
        try {
            plaintext = VaultFile.open(sealed, candidate);
        } catch (AEADBadTagException e) {
            String damaged = backupOpensWith(candidate, sealed) ? " The backup " + backup + " does open with it: "
                    + file + " is damaged; stop Cambist and copy the backup over it." : "";
            Arrays.fill(candidate, (byte) 0);
            throw new VaultException("the vault passphrase from " + passphrase.origin() + " does not open " + file
                    + " (wrong passphrase, or the file was changed); nothing was modified." + damaged, true);
        }
        try {
            List<KeyEntry> keys = VaultCodec.decode(plaintext);
            key = candidate;
            salt = sealed.salt();
            kdf = sealed.kdf();
            if (!kdf.atLeast(wanted)) {
                // keep the passphrase until the next save re-derives the key with the stronger parameters
                passphraseForUpgrade = passphrase.value();
                logger.info("vault {} uses {}; the next change re-encrypts it with {}", file, kdf, wanted);
            }
            logger.info("unlocked the vault {}: {} key(s), {}", file, keys.size(), kdf);
            return keys;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private boolean backupOpensWith(byte[] candidate, VaultFile.Sealed sealed) {
        try {
            if (!Files.exists(backup)) {
                return false;
            }
            VaultFile.Sealed old = VaultFile.parse(Files.readAllBytes(backup), backup.toString());
            if (!old.kdf().equals(sealed.kdf()) || !Arrays.equals(old.salt(), sealed.salt())) {
                return false;
            }
            Arrays.fill(VaultFile.open(old, candidate), (byte) 0);
            return true;
        } catch (IOException | VaultException | AEADBadTagException e) {
            return false;
        }
    }

    /** Encrypts and writes the keys (temp, fsync, backup, rename). */
    void save(Collection<KeyEntry> keys) {
        if (passphraseForUpgrade != null) {
            byte[] newSalt = newSalt();
            byte[] newKey = wanted.derive(passphraseForUpgrade, newSalt);
            Arrays.fill(passphraseForUpgrade, '\0');
            passphraseForUpgrade = null;
            Arrays.fill(key, (byte) 0);
            key = newKey;
            salt = newSalt;
            kdf = wanted;
            logger.info("vault {} re-encrypted with {}", file, kdf);
        }
        byte[] plaintext = VaultCodec.encode(keys);
        try {
            files.replace(file, VaultFile.seal(kdf, salt, key, plaintext, random), backup);
        } catch (IOException e) {
            throw new VaultException("cannot write the vault " + file + ": " + e.getMessage()
                    + "; the change was not made", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** True when {@link #open()} created a new vault. */
    boolean created() {
        return created;
    }

    Path file() {
        return file;
    }

    private byte[] newSalt() {
        byte[] s = new byte[16];
        random.nextBytes(s);
        return s;
    }

    @Override
    public void close() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
            key = null;
        }
        if (passphraseForUpgrade != null) {
            Arrays.fill(passphraseForUpgrade, '\0');
            passphraseForUpgrade = null;
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
