package io.cambist.security.vault.internal;

/** Names shared by the vault's components and tools. */
final class VaultConstants {

    /** Configuration PID of the key vault. */
    static final String PID = "io.cambist.security.vault";
    /** Environment variable holding the passphrase. */
    static final String PASSPHRASE_ENV = "CAMBIST_VAULT_PASSPHRASE";
    /** The vault's area under {@code cambist.data}. */
    static final String VAULT_AREA = "vault";
    /** The audit log's area under {@code cambist.data}. */
    static final String AUDIT_AREA = "audit";
    /** The encrypted vault file. */
    static final String VAULT_FILE = "vault.bin";
    /** The previous vault file, kept by every write. */
    static final String BACKUP_FILE = "vault.bin.bak";
    /** Held by whoever has the vault open (a container, or the offline tool). */
    static final String LOCK_FILE = "vault.lock";
    /** The generated passphrase when none is configured, directly under the data folder. */
    static final String PASSPHRASE_FILE = "vault.passphrase";
    /** The first admin key, directly under the data folder. */
    static final String ADMIN_KEY_FILE = "admin.key";
    /** Alias of the generated admin key. */
    static final String ADMIN_ALIAS = "admin";
    /** The audit log file. */
    static final String AUDIT_FILE = "audit.log";

    private VaultConstants() {
    }
}
