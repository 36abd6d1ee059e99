package io.cambist.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Outbound nonces for venues that require strictly increasing ones (Kraken): per key alias, every value is greater
 * than every value handed out before, across threads, restarts and bundle updates.
 */
@ProviderType
public interface NonceGenerator {

    /** The next nonce for a key alias: at least the current time in milliseconds, and above every earlier one. */
    long next(String keyAlias);
}
