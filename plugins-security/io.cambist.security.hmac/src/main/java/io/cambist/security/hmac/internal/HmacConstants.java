package io.cambist.security.hmac.internal;

/** Names shared by the signing components. */
final class HmacConstants {

    /** Configuration PID of the signer and the request verifier. */
    static final String PID = "io.cambist.security.hmac";

    private HmacConstants() {
    }
}
