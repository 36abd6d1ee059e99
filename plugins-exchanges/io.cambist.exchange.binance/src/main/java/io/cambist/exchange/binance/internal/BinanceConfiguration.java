package io.cambist.exchange.binance.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One Binance spot account. Holds a key alias in the vault, never a secret. */
@ObjectClassDefinition(id = BinanceConstants.PID, name = "Cambist Binance spot account",
        description = "One Binance spot account: where to connect, which vault key signs its requests, and how to "
                + "reconnect and pace requests.")
@interface BinanceConfiguration {

    @AttributeDefinition(name = "Account id", description = "Unique account id in the container, e.g. binance-main; "
            + "strategies name it in their 'account' setting.")
    String account() default "binance";

    @AttributeDefinition(name = "REST base URL", description = "https://api.binance.com for live, "
            + "https://testnet.binance.vision for the spot testnet, or a fake venue's http://127.0.0.1:<port>.")
    String restUrl() default BinanceConstants.DEFAULT_REST_URL;

    @AttributeDefinition(name = "Stream base URL", description = "wss://stream.binance.com:9443 for live, "
            + "wss://stream.testnet.binance.vision for the testnet, or a fake venue's ws://127.0.0.1:<port>.")
    String streamUrl() default BinanceConstants.DEFAULT_STREAM_URL;

    @AttributeDefinition(name = "Key alias", description = "Alias of this account's API key in the vault. Empty: "
            + "market data only (no balances, orders or user data stream).")
    String keyAlias() default "";

    @AttributeDefinition(name = "recvWindow (ms)", description = "How long after its timestamp a signed request stays "
            + "valid at Binance; 1 to 60000, Binance recommends 5000 or less.")
    long recvWindow() default BinanceConstants.DEFAULT_RECV_WINDOW;

    @AttributeDefinition(name = "Request timeout (ms)", description = "Longest wait for a REST answer.")
    long requestTimeoutMillis() default BinanceConstants.DEFAULT_REQUEST_TIMEOUT_MILLIS;

    @AttributeDefinition(name = "Reconnect: first delay (ms)", description = "Backoff before the first reconnect attempt.")
    long reconnect_initialMillis() default BinanceConstants.DEFAULT_RECONNECT_INITIAL_MILLIS;

    @AttributeDefinition(name = "Reconnect: longest delay (ms)", description = "Backoff never grows beyond this.")
    long reconnect_maxMillis() default BinanceConstants.DEFAULT_RECONNECT_MAX_MILLIS;

    @AttributeDefinition(name = "Reconnect: factor", description = "Each failed attempt multiplies the delay by this (1 or more).")
    double reconnect_factor() default BinanceConstants.DEFAULT_RECONNECT_FACTOR;

    @AttributeDefinition(name = "Reconnect: jitter", description = "Random spread of each delay, as a fraction (0 to 1).")
    double reconnect_jitter() default BinanceConstants.DEFAULT_RECONNECT_JITTER;

    @AttributeDefinition(name = "Planned reconnect after (ms)", description = "Binance drops connections at 24 h; the "
            + "connector opens a fresh one before, without a gap. Default 23 h 30 min.")
    long connection_maxAgeMillis() default BinanceConstants.DEFAULT_MAX_CONNECTION_AGE_MILLIS;

    @AttributeDefinition(name = "Stream silent for (ms)", description = "A stream with no message and no ping for "
            + "this long is considered dead and reconnected.")
    long stream_staleAfterMillis() default BinanceConstants.DEFAULT_STALE_AFTER_MILLIS;

    @AttributeDefinition(name = "Listen key keepalive (ms)", description = "How often the user data stream's listen "
            + "key is extended (it expires after 60 minutes).")
    long listenKey_keepAliveMillis() default BinanceConstants.DEFAULT_LISTEN_KEY_KEEPALIVE_MILLIS;

    @AttributeDefinition(name = "Request weight per minute", description = "REQUEST_WEIGHT limit used until "
            + "exchangeInfo reports the venue's own.")
    int rate_weightLimit() default BinanceConstants.DEFAULT_WEIGHT_LIMIT;

    @AttributeDefinition(name = "Back off at", description = "Fraction of the weight limit at which the connector "
            + "refuses further requests until the next minute (0.1 to 1).")
    double rate_backoffAt() default BinanceConstants.DEFAULT_WEIGHT_BACKOFF_AT;

    @AttributeDefinition(name = "Book snapshot depth", description = "Levels requested from /api/v3/depth when an "
            + "order book is (re)synchronised: 5, 10, 20, 50, 100, 500, 1000 or 5000.")
    int book_snapshotLimit() default BinanceConstants.DEFAULT_SNAPSHOT_LIMIT;

    @AttributeDefinition(name = "Published book depth", description = "Levels per side in the order books the "
            + "connector publishes.")
    int book_depth() default BinanceConstants.DEFAULT_BOOK_DEPTH;

    @AttributeDefinition(name = "Wait for signer (ms)", description = "While the security bundles are being updated, "
            + "a signed request waits this long for the Signer service before failing.")
    long signer_waitMillis() default BinanceConstants.DEFAULT_SIGNER_WAIT_MILLIS;

    @AttributeDefinition(name = "Clock sync interval (ms)", description = "How often the offset to Binance's server "
            + "time is measured again (also after every -1021).")
    long time_syncIntervalMillis() default BinanceConstants.DEFAULT_TIME_SYNC_MILLIS;
}
