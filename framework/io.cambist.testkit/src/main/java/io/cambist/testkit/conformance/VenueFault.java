package io.cambist.testkit.conformance;

/** Errors a fake venue can be told to answer the next private request with. */
public enum VenueFault {
    /** Too many requests (Binance HTTP 429 with {@code Retry-After}); maps to {@code RateLimitException}. */
    RATE_LIMITED,
    /** The IP is banned for a while (Binance HTTP 418 with {@code Retry-After}); maps to {@code RateLimitException}. */
    BANNED,
    /** The signature does not verify (Binance -1022); maps to {@code AuthenticationException}. */
    BAD_SIGNATURE,
    /** The API key is unknown or lacks permission (Binance -2015); maps to {@code AuthenticationException}. */
    BAD_API_KEY,
    /** The timestamp or nonce is outside the venue's window (Binance -1021); maps to {@code InvalidTimestampException}. */
    BAD_TIMESTAMP
}
