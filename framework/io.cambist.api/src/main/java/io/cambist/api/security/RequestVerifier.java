package io.cambist.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Verifies signed inbound requests (admin API, webhooks) with the {@code cambist} scheme: key known and not revoked,
 * timestamp inside the window, signature valid for an ACTIVE or PREVIOUS version, nonce not seen before (claimed in
 * the {@link NonceStore}), scope granted. Every refusal is audited.
 */
@ProviderType
public interface RequestVerifier {

    /**
     * Verifies a request.
     *
     * @param request  the request
     * @param required the scope the request needs
     */
    Verification verify(SignedRequest request, Scope required);
}
