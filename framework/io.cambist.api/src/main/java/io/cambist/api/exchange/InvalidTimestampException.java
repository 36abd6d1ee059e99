package io.cambist.api.exchange;

/**
 * The venue refused a request's timestamp or nonce (Binance -1021 outside {@code recvWindow}; Kraken
 * {@code EAPI:Invalid nonce}). Usually clock skew or a nonce that went backwards; retryable once the cause is fixed.
 */
public class InvalidTimestampException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    public InvalidTimestampException(String message, String venueCode) {
        super(message, venueCode);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
