/**
 * Security services: signing with keys that never leave the vault ({@link io.cambist.api.security.Signer},
 * {@link io.cambist.api.security.SignatureScheme}), the versioned key ring with rotation and revocation
 * ({@link io.cambist.api.security.KeyRing}), replay protection ({@link io.cambist.api.security.NonceStore},
 * {@link io.cambist.api.security.NonceGenerator}), verification of signed inbound requests
 * ({@link io.cambist.api.security.RequestVerifier}) and the hash-chained audit trail
 * ({@link io.cambist.api.security.AuditLog}). Security bundles provide them; everything else calls them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.cambist.api.security;
