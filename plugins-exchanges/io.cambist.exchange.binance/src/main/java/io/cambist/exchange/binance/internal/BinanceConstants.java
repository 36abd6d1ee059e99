package io.cambist.exchange.binance.internal;

/** Names, endpoints and defaults of the Binance connector. */
public final class BinanceConstants {

    /** Factory PID of the connector configuration: one configuration per account. */
    public static final String PID = "io.cambist.exchange.binance";
    /** The venue name in {@code cambist.venue}. */
    public static final String VENUE = "binance";
    /** The signature scheme the vault's {@code Signer} uses for Binance (HMAC-SHA256 over query + body, hex). */
    public static final String SCHEME = "binance";
    /** The header that carries the API key (the signing key version's public id). */
    public static final String API_KEY_HEADER = "X-MBX-APIKEY";
    /** Prefix of the used-weight headers, e.g. {@code X-MBX-USED-WEIGHT-1M}. */
    public static final String USED_WEIGHT_HEADER = "x-mbx-used-weight-1m";

    public static final String DEFAULT_REST_URL = "https://api.binance.com";
    public static final String DEFAULT_STREAM_URL = "wss://stream.binance.com:9443";
    public static final long DEFAULT_RECV_WINDOW = 5000;
    public static final long MAX_RECV_WINDOW = 60_000;
    public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_RECONNECT_INITIAL_MILLIS = 1_000;
    public static final long DEFAULT_RECONNECT_MAX_MILLIS = 60_000;
    public static final double DEFAULT_RECONNECT_FACTOR = 2.0;
    public static final double DEFAULT_RECONNECT_JITTER = 0.2;
    /** Binance closes a connection after 24 hours; reconnect on our terms half an hour before. */
    public static final long DEFAULT_MAX_CONNECTION_AGE_MILLIS = 23 * 3_600_000L + 30 * 60_000L;
    /** Binance pings every 20 s; a minute of silence means the link is dead. */
    public static final long DEFAULT_STALE_AFTER_MILLIS = 60_000;
    /** Listen keys expire after 60 minutes; Binance recommends a keepalive about every 30. */
    public static final long DEFAULT_LISTEN_KEY_KEEPALIVE_MILLIS = 30 * 60_000L;
    /** REQUEST_WEIGHT per minute until exchangeInfo says otherwise. */
    public static final int DEFAULT_WEIGHT_LIMIT = 6000;
    public static final double DEFAULT_WEIGHT_BACKOFF_AT = 0.9;
    /** Wait when a 429 or 418 comes without Retry-After (order-count limits send none). */
    public static final long DEFAULT_RETRY_AFTER_MILLIS = 10_000;
    public static final int DEFAULT_SNAPSHOT_LIMIT = 1000;
    public static final int DEFAULT_BOOK_DEPTH = 20;
    public static final long DEFAULT_SIGNER_WAIT_MILLIS = 5_000;
    public static final long DEFAULT_TIME_SYNC_MILLIS = 10 * 60_000L;

    private BinanceConstants() {
    }
}
