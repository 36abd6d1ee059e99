package io.cambist.api.security;

/** A key cannot be used: unknown alias, no ACTIVE version, revoked, or missing the needed scope. */
public class KeyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyUnavailableException(String message) {
        super(message);
    }
}
