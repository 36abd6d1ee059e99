package io.cambist.security.hmac.internal;

/**
 * A call reached a {@link HmacSigner} whose bundle was stopped or updated meanwhile: the caller should sign again with
 * the current {@code Signer} service. An {@link IllegalStateException}, as the {@code Signer} contract knows no other.
 */
final class SignerStoppedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SignerStoppedException() {
        super("this Signer was stopped (bundle io.cambist.security.hmac is being updated or stopped): sign again with "
                + "the current Signer service");
    }
}
