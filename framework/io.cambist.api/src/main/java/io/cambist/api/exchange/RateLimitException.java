package io.cambist.api.exchange;

import java.time.Duration;

/**
 * The venue or the connector's own limiter refused a request for rate (HTTP 429/418, Binance -1003, Kraken
 * {@code EAPI:Rate limit exceeded}).
 */
public class RateLimitException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitException(String message, String venueCode, Duration retryAfter) {
        super(message, venueCode);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before the next request, as the venue said (Retry-After) or the limiter computed. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
