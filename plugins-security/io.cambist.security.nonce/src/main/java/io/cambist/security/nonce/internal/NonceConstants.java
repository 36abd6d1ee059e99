package io.cambist.security.nonce.internal;

/** Names shared by the nonce components. */
final class NonceConstants {

    /** Configuration PID of the nonce store and the nonce generator. */
    static final String PID = "io.cambist.security.nonce";
    /** Area under {@code cambist.data}. */
    static final String AREA = "nonces";
    /** Where the memory store leaves its live entries for the next instance (bundle update, restart). */
    static final String SNAPSHOT_FILE = "memory-snapshot.bin";
    /** The file store's append-only log. */
    static final String LOG_FILE = "nonces.log";
    /** Held while a file store uses the directory. */
    static final String LOCK_FILE = "nonces.lock";
    /** Sub-directory of the generator's high-water marks. */
    static final String GENERATOR_DIR = "generator";

    private NonceConstants() {
    }
}
