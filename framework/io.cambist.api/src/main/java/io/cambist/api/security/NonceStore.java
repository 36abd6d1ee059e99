package io.cambist.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Replay protection for inbound requests and signals: each (key, nonce) pair is accepted at most once while its
 * timestamp is inside the window; outside the window it is refused as stale or future, so memory stays bounded.
 * Thread-safe: with many threads claiming the same nonce, exactly one is accepted.
 */
@ProviderType
public interface NonceStore {

    /**
     * Claims a nonce.
     *
     * @param keyId           the credential the nonce belongs to (nonces are per key)
     * @param nonce           the nonce
     * @param timestampMillis the request's timestamp, epoch milliseconds
     */
    NonceResult claim(String keyId, String nonce, long timestampMillis);

    /** The window: timestamps more than this far from now are refused. */
    long windowMillis();

    /** Counters. */
    NonceStoreStats stats();
}
