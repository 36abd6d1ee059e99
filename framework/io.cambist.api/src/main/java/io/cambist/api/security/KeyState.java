package io.cambist.api.security;

/**
 * The state of one version of a key. Outbound signing uses the single ACTIVE version; inbound verification accepts
 * ACTIVE and PREVIOUS (until the overlap window ends).
 */
public enum KeyState {
    /** Stored, not used yet (staged rotation of an exchange key). */
    PENDING,
    /** The version that signs. */
    ACTIVE,
    /** Replaced by a rotation; still verifies until its expiry. */
    PREVIOUS,
    /** Overlap over; never used again. */
    RETIRED,
    /** Withdrawn at once; never used again. */
    REVOKED;

    /** True for versions that inbound verification accepts. */
    public boolean verifies() {
        return this == ACTIVE || this == PREVIOUS;
    }
}
