package io.cambist.exchange.kraken.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One Kraken spot account (factory PID {@value KrakenConstants#PID}): endpoints, key alias, reconnect and rate limits. */
@ObjectClassDefinition(id = KrakenConstants.PID, name = "Kraken spot account",
        description = "A Kraken spot account reached through signed REST and WebSocket v2. The API secret stays in the "
                + "vault: give its key alias, never the secret.")
@interface KrakenConfiguration {

    @AttributeDefinition(name = "Account id", description = "Unique in the container; strategies route orders to it. "
            + "1 to 64 letters, digits, '_', '-' or '.'.")
    String account() default KrakenConstants.DEFAULT_ACCOUNT;

    @AttributeDefinition(name = "REST base URL", description = "https://api.kraken.com, or a fake venue's "
            + "http://127.0.0.1:<port>.")
    String restUrl() default KrakenConstants.DEFAULT_REST_URL;

    @AttributeDefinition(name = "Public stream URL", description = "WebSocket v2 endpoint for market data: "
            + "wss://ws.kraken.com/v2 (beta: wss://beta-ws.kraken.com/v2).")
    String streamUrl() default KrakenConstants.DEFAULT_STREAM_URL;

    @AttributeDefinition(name = "Private stream URL", description = "Authenticated WebSocket v2 endpoint for the "
            + "executions channel: wss://ws-auth.kraken.com/v2.")
    String privateStreamUrl() default KrakenConstants.DEFAULT_PRIVATE_STREAM_URL;

    @AttributeDefinition(name = "Key alias", description = "Alias of this account's API key in the vault (its public "
            + "id is the Kraken API key, its secret the base64 private key). Empty: market data only.")
    String keyAlias() default "";

    @AttributeDefinition(name = "Request timeout (ms)", description = "Longest wait for a REST answer or a WebSocket "
            + "handshake.")
    long requestTimeoutMillis() default KrakenConstants.DEFAULT_REQUEST_TIMEOUT_MILLIS;

    @AttributeDefinition(name = "Reconnect: first delay (ms)", description = "Backoff before the first reconnect attempt.")
    long reconnect_initialMillis() default KrakenConstants.DEFAULT_RECONNECT_INITIAL_MILLIS;

    @AttributeDefinition(name = "Reconnect: longest delay (ms)", description = "Backoff never grows beyond this.")
    long reconnect_maxMillis() default KrakenConstants.DEFAULT_RECONNECT_MAX_MILLIS;

    @AttributeDefinition(name = "Reconnect: factor", description = "Each failed attempt multiplies the delay by this "
            + "(1 to 10).")
    double reconnect_factor() default KrakenConstants.DEFAULT_RECONNECT_FACTOR;

    @AttributeDefinition(name = "Reconnect: jitter", description = "Random spread of each delay, as a fraction (0 to 1).")
    double reconnect_jitter() default KrakenConstants.DEFAULT_RECONNECT_JITTER;

    @AttributeDefinition(name = "Stream silent for (ms)", description = "A stream with no message (Kraken sends a "
            + "heartbeat every second, and answers the connector's pings) for this long is reconnected.")
    long stream_staleAfterMillis() default KrakenConstants.DEFAULT_STALE_AFTER_MILLIS;

    @AttributeDefinition(name = "API counter maximum", description = "Kraken's REST call counter limit for the "
            + "account's verification tier: 15 (Starter) or 20 (Intermediate, Pro).")
    double rate_counterMax() default KrakenConstants.DEFAULT_COUNTER_MAX;

    @AttributeDefinition(name = "API counter decay (per second)", description = "How fast the counter goes down: 0.33 "
            + "(Starter), 0.5 (Intermediate), 1 (Pro).")
    double rate_decayPerSecond() default KrakenConstants.DEFAULT_COUNTER_DECAY;

    @AttributeDefinition(name = "Longest wait for the counter (ms)", description = "A private call waits this long at "
            + "most for the counter to decay; beyond it the call is refused with a rate limit error.")
    long rate_maxWaitMillis() default KrakenConstants.DEFAULT_RATE_MAX_WAIT_MILLIS;

    @AttributeDefinition(name = "Book depth", description = "Levels per side of the book subscription and of the "
            + "published order books: 10, 25, 100, 500 or 1000.")
    int book_depth() default KrakenConstants.DEFAULT_BOOK_DEPTH;

    @AttributeDefinition(name = "Wait for security services (ms)", description = "While the security bundles are being "
            + "updated, a private call waits this long for the Signer and NonceGenerator services before failing.")
    long signer_waitMillis() default KrakenConstants.DEFAULT_SIGNER_WAIT_MILLIS;
}
