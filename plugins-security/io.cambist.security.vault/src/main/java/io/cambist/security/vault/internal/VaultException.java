package io.cambist.security.vault.internal;

/** The vault cannot be opened or written; the message says what is wrong and what to do. Never carries a secret. */
final class VaultException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** True when retrying cannot help until the operator acts (wrong passphrase, damaged file). */
    private final boolean permanent;

    VaultException(String message) {
        this(message, false);
    }

    VaultException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    VaultException(String message, Throwable cause) {
        super(message, cause);
        this.permanent = false;
    }

    boolean permanent() {
        return permanent;
    }
}
