package io.cambist.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs requests with a key from the vault, using a named {@link SignatureScheme}. Callers never see the secret.
 */
@ProviderType
public interface Signer {

    /**
     * Signs with the ACTIVE version of a key.
     *
     * @param keyAlias the key's alias
     * @param scheme   the scheme name, e.g. {@code binance}
     * @param input    what to sign
     * @param scope    the scope the use needs (e.g. TRADE for placing orders)
     * @throws KeyUnavailableException when the key cannot sign
     * @throws IllegalArgumentException when no such scheme is registered
     * @throws IllegalStateException when this instance was stopped meanwhile (its bundle updated): sign again with the
     *                               current {@code Signer} service
     */
    Signature sign(String keyAlias, String scheme, SignatureInput input, Scope scope);
}
