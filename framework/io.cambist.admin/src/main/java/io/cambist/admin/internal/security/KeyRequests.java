package io.cambist.admin.internal.security;

import java.util.List;

/** Request bodies of the key endpoints. Their {@code toString} never shows a secret. */
public final class KeyRequests {

    private KeyRequests() {
    }

    /**
     * Create or import a key.
     *
     * @param alias       1 to 64 characters of {@code [A-Za-z0-9_.-]}
     * @param description what it is for
     * @param scopes      read, trade, admin, webhook (at least one)
     * @param publicId    the venue's API key, or null to use the alias
     * @param secret      a secret to import, or null to have one generated (returned once)
     */
    public record NewKeyBody(String alias, String description, List<String> scopes, String publicId, char[] secret) {
        @Override
        public String toString() {
            return "NewKeyBody[alias=" + alias + ", scopes=" + scopes + ", secret=" + (secret == null ? "generated" : "***") + "]";
        }
    }

    /**
     * Rotate a key.
     *
     * @param secret   the new secret to import, or null to generate one
     * @param publicId the new version's public id, or null to keep the current one
     * @param overlap  how long the previous version keeps verifying (ISO-8601, e.g. PT1H); default PT1H
     */
    public record RotateBody(char[] secret, String publicId, String overlap) {
        @Override
        public String toString() {
            return "RotateBody[publicId=" + publicId + ", overlap=" + overlap + ", secret=" + (secret == null ? "generated" : "***")
                    + "]";
        }
    }

    /**
     * Stage a new version of a key as PENDING.
     *
     * @param secret   the new secret to import, or null to generate one
     * @param publicId the new version's public id (a venue's new API key), or null to keep the current one
     */
    public record StageBody(char[] secret, String publicId) {
        @Override
        public String toString() {
            return "StageBody[publicId=" + publicId + ", secret=" + (secret == null ? "generated" : "***") + "]";
        }
    }

    /**
     * Activate a PENDING version.
     *
     * @param version the PENDING version's number
     * @param overlap how long the previous version keeps verifying (ISO-8601, e.g. PT1H); default PT1H
     */
    public record ActivateBody(Integer version, String overlap) {
    }

    /**
     * Revoke versions of a key.
     *
     * @param version the version, or null/0 for every version
     * @param reason  why (recorded in the audit log)
     */
    public record RevokeBody(Integer version, String reason) {
    }
}
