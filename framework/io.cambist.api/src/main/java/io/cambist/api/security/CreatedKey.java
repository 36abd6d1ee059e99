package io.cambist.api.security;

import java.util.Objects;

/**
 * The result of creating or rotating a key.
 *
 * @param version         the new version's metadata
 * @param generatedSecret the secret, only when the vault generated it; shown once and never again; else {@code null}
 */
public record CreatedKey(KeyVersion version, String generatedSecret) {

    public CreatedKey {
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return "CreatedKey[version=" + version + ", generatedSecret=" + (generatedSecret == null ? "none" : "***") + "]";
    }
}
