package io.cambist.security.vault.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.cambist.api.security.AuditLog;
import io.cambist.api.security.KeyRing;

/**
 * A vault and its audit log outside OSGi (tests of other bundles, benchmarks, embedding): the same classes the
 * components use, over {@code <data>/vault} and {@code <data>/audit}.
 */
public final class Vaults {

    private Vaults() {
    }

    /** An open vault: its key ring and audit log. Close it to save last-used times and release the locks. */
    public static final class Handle implements AutoCloseable {
        private final Vault vault;
        private final FileAuditLog audit;

        private Handle(Vault vault, FileAuditLog audit) {
            this.vault = vault;
            this.audit = audit;
        }

        public KeyRing keyRing() {
            return vault;
        }

        public AuditLog auditLog() {
            return audit;
        }

        @Override
        public void close() {
            vault.close();
            audit.close();
        }
    }

    /**
     * Opens (or creates) the vault of a data folder; the KDF runs on the first use.
     *
     * @param passphrase     the passphrase (as if from CAMBIST_VAULT_PASSPHRASE)
     * @param memoryKiB      Argon2id memory for a new vault
     * @param iterations     Argon2id passes for a new vault
     * @param parallelism    Argon2id lanes for a new vault
     * @param clock          the time source for states, expiry and records
     * @param defaultOverlap overlap of a rotation that names none
     */
    public static Handle open(Path data, String passphrase, int memoryKiB, int iterations, int parallelism,
            Clock clock, Duration defaultOverlap) {
        FileAuditLog audit = new FileAuditLog(data.resolve(VaultConstants.AUDIT_AREA), clock);
        Path vaultDir = data.resolve(VaultConstants.VAULT_AREA);
        SecureFiles files = new SecureFiles();
        Passphrases passphrases = new Passphrases(name -> VaultConstants.PASSPHRASE_ENV.equals(name) ? passphrase : null,
                "", data, vaultDir.resolve(VaultConstants.VAULT_FILE), files);
        VaultStorage storage = new VaultStorage(vaultDir, passphrases, new KdfParams(memoryKiB, iterations, parallelism),
                files);
        return new Handle(new Vault(storage, audit, clock, defaultOverlap), audit);
    }
}
