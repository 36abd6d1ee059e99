package io.cambist.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The key vault: versioned secrets encrypted at rest. Secrets go in once and never come out; callers get MACs
 * computed with them and metadata about them. Every operation, and every refused use, is written to the
 * {@link AuditLog}.
 */
@ProviderType
public interface KeyRing {

    /** Every key alias with its versions' metadata, sorted by alias. */
    List<KeyInfo> list();

    /** One key's metadata. */
    Optional<KeyInfo> get(String alias);

    /**
     * Creates (or imports) a key with one ACTIVE version.
     *
     * @throws IllegalArgumentException when the alias exists
     */
    CreatedKey create(NewKey key, String actor);

    /**
     * Rotates a key: the new version becomes ACTIVE, the old ACTIVE one PREVIOUS until {@code overlap} ends (then
     * RETIRED automatically).
     *
     * @param secret   the new secret to import, or {@code null} to generate one
     * @param publicId the new version's public id (a venue's new API key), or {@code null} to keep the current one
     * @param overlap  how long the previous version keeps verifying; {@code Duration.ZERO} retires it at once
     * @throws java.util.NoSuchElementException for an unknown alias
     */
    CreatedKey rotate(String alias, char[] secret, String publicId, Duration overlap, String actor);

    /**
     * Stages a new version as PENDING (the first half of a staged rotation, as with a venue's new API key that is
     * created before the old one is deleted): stored and audited, but it neither signs nor verifies until
     * {@link #activate} promotes it. A key holds at most one PENDING version.
     *
     * @param secret   the new secret to import, or {@code null} to generate one
     * @param publicId the new version's public id (a venue's new API key), or {@code null} to keep the current one
     * @throws java.util.NoSuchElementException for an unknown alias
     * @throws IllegalStateException when the key already has a PENDING version
     * @since 1.1
     */
    CreatedKey stage(String alias, char[] secret, String publicId, String actor);

    /**
     * Activates a PENDING version (the second half of a staged rotation): it becomes ACTIVE, and the old ACTIVE one
     * PREVIOUS until {@code overlap} ends, exactly as {@link #rotate} does.
     *
     * @param version the PENDING version's number
     * @param overlap how long the previous version keeps verifying; {@code Duration.ZERO} retires it at once
     * @return the key after the change
     * @throws java.util.NoSuchElementException for an unknown alias or version
     * @throws IllegalStateException when that version is not PENDING
     * @since 1.1
     */
    KeyInfo activate(String alias, int version, Duration overlap, String actor);

    /**
     * Revokes versions at once.
     *
     * @param version the version to revoke, or 0 for every version of the alias
     * @return the key after the change
     */
    KeyInfo revoke(String alias, int version, String reason, String actor);

    /**
     * Computes an HMAC with the ACTIVE version of a key (outbound signing).
     *
     * @param algorithm a {@code javax.crypto.Mac} algorithm, e.g. {@code HmacSHA256}
     * @param encoding  how the secret becomes key bytes
     * @param scope     the scope the use needs; a key without it is refused
     * @throws KeyUnavailableException when the key is unknown, has no ACTIVE version or lacks the scope
     */
    MacResult mac(String alias, String algorithm, KeyEncoding encoding, byte[] message, Scope scope);

    /**
     * Checks a MAC against every version that verifies (ACTIVE, and PREVIOUS inside its overlap), in constant time.
     *
     * @param keyId an alias or a version's public id
     * @return the version that matched, or empty
     */
    Optional<KeyVersion> verify(String keyId, String algorithm, KeyEncoding encoding, byte[] message, byte[] mac);

    /**
     * Compares a presented secret (e.g. a webhook token in a request body) with every version that verifies, in
     * constant time.
     *
     * @return the version that matched, or empty
     */
    Optional<KeyVersion> matchSecret(String keyId, char[] presented);
}
