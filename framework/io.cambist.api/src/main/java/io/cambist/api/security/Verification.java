package io.cambist.api.security;

import java.util.Objects;
import java.util.Set;

/** The outcome of verifying a signed request. */
public sealed interface Verification {

    /**
     * The request is authentic, fresh and allowed.
     *
     * @param keyId   the key id it was signed with
     * @param version the key version that matched
     * @param scopes  the key's scopes
     */
    record Verified(String keyId, int version, Set<Scope> scopes) implements Verification {
        public Verified {
            Objects.requireNonNull(keyId, "keyId");
            scopes = Set.copyOf(scopes);
        }
    }

    /**
     * The request is refused.
     *
     * @param status HTTP status: 401 for authentication failures, 403 for a missing scope, 503 when security services
     *               are unavailable
     * @param reason the reason, e.g. {@code nonce already used} or {@code timestamp outside window}
     */
    record Refused(int status, String reason) implements Verification {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
