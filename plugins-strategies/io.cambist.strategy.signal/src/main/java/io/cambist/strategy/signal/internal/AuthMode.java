package io.cambist.strategy.signal.internal;

/** How a signal bot's webhook authenticates alerts. */
enum AuthMode {
    /** A secret in the body ({@code "secret"}), compared in constant time with the bot's webhook key in the vault. */
    SECRET,
    /** The admin signature headers, made with a key that has the {@code webhook} scope. */
    SIGNATURE,
    /** Either. */
    BOTH;

    boolean allowsSecret() {
        return this != SIGNATURE;
    }

    boolean allowsSignature() {
        return this != SECRET;
    }
}
