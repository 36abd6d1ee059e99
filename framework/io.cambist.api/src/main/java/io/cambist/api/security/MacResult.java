package io.cambist.api.security;

import java.util.Objects;

/**
 * A MAC computed inside the vault.
 *
 * @param mac     the raw MAC bytes
 * @param version the key version that computed it
 */
public record MacResult(byte[] mac, KeyVersion version) {

    public MacResult {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(version, "version");
    }
}
