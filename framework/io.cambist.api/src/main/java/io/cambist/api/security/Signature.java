package io.cambist.api.security;

import java.util.Objects;

/**
 * A computed signature and the key version that made it; send {@link #publicId()} as the API key header so that the
 * key and the signature always match, even during a rotation.
 *
 * @param value    the encoded signature
 * @param publicId the signing version's public id
 * @param version  the signing version
 * @param scheme   the scheme used
 */
public record Signature(String value, String publicId, int version, String scheme) {

    public Signature {
        Objects.requireNonNull(value, "value");
    }
}
