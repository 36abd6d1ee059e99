package io.cambist.security.vault.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the key vault (PID {@value VaultConstants#PID}). Never holds a secret. */
@ObjectClassDefinition(name = "Cambist key vault", description = "Encrypted, versioned keys with rotation and "
        + "revocation. The passphrase comes from CAMBIST_VAULT_PASSPHRASE, else the passphrase file, else "
        + "data/vault.passphrase (generated on the first start).")
@interface VaultConfiguration {

    @AttributeDefinition(name = "Passphrase file", description = "A file holding the vault passphrase (one trailing "
            + "newline is ignored). Empty: data/vault.passphrase.", required = false)
    String passphraseFile() default "";

    @AttributeDefinition(name = "Default overlap (hours)", description = "How long a rotated key's previous version "
            + "keeps verifying when the rotation names no overlap.", min = "0")
    long defaultOverlapHours() default 24;

    @AttributeDefinition(name = "Argon2id memory (KiB)", description = "KDF memory for new vaults; an existing vault "
            + "with weaker parameters is re-encrypted on its next change.", min = "8192")
    int kdfMemoryKiB() default 65_536;

    @AttributeDefinition(name = "Argon2id iterations", min = "1")
    int kdfIterations() default 3;

    @AttributeDefinition(name = "Argon2id parallelism", min = "1")
    int kdfParallelism() default 4;
}
