package io.cambist.exchange.kraken.internal;

/** Names, endpoints and defaults of the Kraken connector. */
public final class KrakenConstants {

    /** Factory PID of the connector configuration: one configuration per account. */
    public static final String PID = "io.cambist.exchange.kraken";
    /** The venue name in {@code cambist.venue}. */
    public static final String VENUE = "kraken";
    /** The signature scheme the vault's {@code Signer} uses for Kraken (HMAC-SHA512, base64-decoded secret). */
    public static final String SCHEME = "kraken";
    /** The header that carries the API key (the signing key version's public id). */
    public static final String API_KEY_HEADER = "API-Key";
    /** The header that carries the signature. */
    public static final String API_SIGN_HEADER = "API-Sign";
    /** Kraken requires a User-Agent on REST calls. */
    public static final String USER_AGENT = "cambist-kraken/0.1";

    public static final String DEFAULT_ACCOUNT = "kraken";
    public static final String DEFAULT_REST_URL = "https://api.kraken.com";
    public static final String DEFAULT_STREAM_URL = "wss://ws.kraken.com/v2";
    public static final String DEFAULT_PRIVATE_STREAM_URL = "wss://ws-auth.kraken.com/v2";
    public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_RECONNECT_INITIAL_MILLIS = 1_000;
    public static final long DEFAULT_RECONNECT_MAX_MILLIS = 60_000;
    public static final double DEFAULT_RECONNECT_FACTOR = 2.0;
    public static final double DEFAULT_RECONNECT_JITTER = 0.2;
    /** Kraken sends a heartbeat every second on a subscribed connection; 15 s of silence means the link is dead. */
    public static final long DEFAULT_STALE_AFTER_MILLIS = 15_000;
    /** The API counter of a Starter tier account: at most 15, decaying by 0.33 per second. */
    public static final double DEFAULT_COUNTER_MAX = 15;
    public static final double DEFAULT_COUNTER_DECAY = 0.33;
    /** How long a private call may wait for the API counter to decay before it is refused. */
    public static final long DEFAULT_RATE_MAX_WAIT_MILLIS = 5_000;
    /** Wait after an HTTP 429 without Retry-After. */
    public static final long DEFAULT_RETRY_AFTER_MILLIS = 10_000;
    /** Book subscription depth (Kraken offers 10, 25, 100, 500 and 1000). */
    public static final int DEFAULT_BOOK_DEPTH = 25;
    public static final long DEFAULT_SIGNER_WAIT_MILLIS = 5_000;
    /** The book checksum covers the top 10 levels of each side, whatever the depth. */
    public static final int CHECKSUM_LEVELS = 10;
    /** Kraken's free-text {@code cl_ord_id} limit; UUIDs (32 hex digits, or 36 characters with hyphens) are also accepted. */
    public static final int MAX_FREE_TEXT_CL_ORD_ID = 18;

    private KrakenConstants() {
    }
}
