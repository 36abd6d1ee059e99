package io.cambist.security.nonce.internal;

import io.cambist.api.security.NonceStore;

/** A nonce store the component can close (persisting what it must) when it is deactivated. */
interface ManagedNonceStore extends NonceStore, AutoCloseable {

    /** Releases files and, for the memory store, writes the live entries for the next instance. */
    @Override
    void close();
}
