package io.cambist.api.exchange;

/**
 * The venue could not be reached or answered with a server error; the request may or may not have been executed,
 * so orders are reconciled by client order id before they are retried.
 */
public class ExchangeUnavailableException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public ExchangeUnavailableException(String message, Throwable cause) {
        super(message, null, cause);
    }

    public ExchangeUnavailableException(String message, String venueCode) {
        super(message, venueCode);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
