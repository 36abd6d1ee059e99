package io.cambist.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Metadata of one version of a key. Never carries the secret.
 *
 * @param alias     the key's alias, e.g. {@code admin} or {@code binance-main}
 * @param version   1, 2, 3 ... never reused
 * @param state     its state
 * @param scopes    what it may be used for
 * @param publicId  the non-secret identifier sent with requests (the venue's API key, or the alias for Cambist keys)
 * @param created   when it was stored
 * @param activated when it became ACTIVE, or {@code null}
 * @param expires   when a PREVIOUS version retires, or an ACTIVE one expires; {@code null} for never
 * @param lastUsed  when it last signed or verified, or {@code null}
 */
public record KeyVersion(String alias, int version, KeyState state, Set<Scope> scopes, String publicId, Instant created,
        Instant activated, Instant expires, Instant lastUsed) {

    public KeyVersion {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(state, "state");
        scopes = Set.copyOf(scopes);
    }
}
