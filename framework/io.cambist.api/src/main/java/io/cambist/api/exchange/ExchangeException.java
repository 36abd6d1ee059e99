package io.cambist.api.exchange;

/**
 * A venue refused or failed a request. Subtypes say what kind of failure it was so callers can react without parsing
 * venue codes; {@link #venueCode()} keeps the venue's own code (e.g. {@code -2010}, {@code EOrder:Insufficient funds}).
 */
public class ExchangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String venueCode;

    public ExchangeException(String message) {
        this(message, null, null);
    }

    public ExchangeException(String message, String venueCode) {
        this(message, venueCode, null);
    }

    public ExchangeException(String message, String venueCode, Throwable cause) {
        super(message, cause);
        this.venueCode = venueCode;
    }

    /** The venue's error code, or {@code null}. */
    public String venueCode() {
        return venueCode;
    }

    /** True when the same request may succeed if retried later (network, rate limit, venue overload). */
    public boolean isRetryable() {
        return false;
    }
}
