package io.cambist.exchange.binance.internal;

import static io.cambist.connector.SettingsChecks.positive;
import static io.cambist.exchange.binance.internal.BinanceConstants.*;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import io.cambist.connector.SettingsChecks;

/**
 * A validated account configuration. Built from {@link BinanceConfiguration} in the container and with
 * {@link #builder(String)} in tests; every invalid value is refused with a message that says what to write instead.
 */
public record BinanceSettings(String account, URI restUrl, URI streamUrl, String keyAlias, long recvWindow,
        Duration requestTimeout, Duration reconnectInitial, Duration reconnectMax, double reconnectFactor,
        double reconnectJitter, Duration maxConnectionAge, Duration staleAfter, Duration listenKeyKeepAlive,
        int weightLimit, double weightBackoffAt, int snapshotLimit, int bookDepth, Duration signerWait,
        Duration timeSyncInterval) {

    private static final Set<Integer> SNAPSHOT_LIMITS = Set.of(5, 10, 20, 50, 100, 500, 1000, 5000);

    public BinanceSettings {
        account = SettingsChecks.account("Binance", account);
        restUrl = SettingsChecks.url("restUrl", restUrl, Set.of("http", "https"));
        streamUrl = SettingsChecks.url("streamUrl", streamUrl, Set.of("ws", "wss"));
        keyAlias = SettingsChecks.keyAlias(keyAlias, account);
        if (recvWindow < 1 || recvWindow > MAX_RECV_WINDOW) {
            throw new IllegalArgumentException("recvWindow " + recvWindow + " of account " + account
                    + " must be between 1 and 60000 ms (Binance's maximum); 5000 is recommended");
        }
        positive("requestTimeoutMillis", requestTimeout);
        SettingsChecks.reconnect(reconnectInitial, reconnectMax, reconnectFactor, reconnectJitter);
        positive("connection.maxAgeMillis", maxConnectionAge);
        if (maxConnectionAge.compareTo(Duration.ofHours(24)) >= 0) {
            throw new IllegalArgumentException("connection.maxAgeMillis must be below 24 h: Binance drops connections"
                    + " at 24 h, and the planned reconnect has to come first");
        }
        positive("stream.staleAfterMillis", staleAfter);
        positive("listenKey.keepAliveMillis", listenKeyKeepAlive);
        if (listenKeyKeepAlive.compareTo(Duration.ofMinutes(60)) >= 0) {
            throw new IllegalArgumentException("listenKey.keepAliveMillis must be below 60 minutes, when listen keys expire");
        }
        if (weightLimit < 1) {
            throw new IllegalArgumentException("rate.weightLimit " + weightLimit + " must be positive");
        }
        if (!(weightBackoffAt >= 0.1 && weightBackoffAt <= 1.0)) {
            throw new IllegalArgumentException("rate.backoffAt " + weightBackoffAt + " must be between 0.1 and 1");
        }
        if (!SNAPSHOT_LIMITS.contains(snapshotLimit)) {
            throw new IllegalArgumentException("book.snapshotLimit " + snapshotLimit + " must be one of "
                    + "5, 10, 20, 50, 100, 500, 1000, 5000");
        }
        if (bookDepth < 1 || bookDepth > 5000) {
            throw new IllegalArgumentException("book.depth " + bookDepth + " must be between 1 and 5000");
        }
        positive("signer.waitMillis", signerWait);
        positive("time.syncIntervalMillis", timeSyncInterval);
    }

    /** Settings from the component configuration. */
    static BinanceSettings from(BinanceConfiguration c) {
        return new BinanceSettings(c.account(), SettingsChecks.uri("restUrl", c.restUrl()),
                SettingsChecks.uri("streamUrl", c.streamUrl()),
                c.keyAlias(), c.recvWindow(), Duration.ofMillis(c.requestTimeoutMillis()),
                Duration.ofMillis(c.reconnect_initialMillis()), Duration.ofMillis(c.reconnect_maxMillis()),
                c.reconnect_factor(), c.reconnect_jitter(), Duration.ofMillis(c.connection_maxAgeMillis()),
                Duration.ofMillis(c.stream_staleAfterMillis()), Duration.ofMillis(c.listenKey_keepAliveMillis()),
                c.rate_weightLimit(), c.rate_backoffAt(), c.book_snapshotLimit(), c.book_depth(),
                Duration.ofMillis(c.signer_waitMillis()), Duration.ofMillis(c.time_syncIntervalMillis()));
    }

    /** A builder with the defaults, for tests and embedding. */
    public static Builder builder(String account) {
        return new Builder(account);
    }

    /** True when a key alias is configured, so balances, orders and the user data stream are available. */
    public boolean hasKey() {
        return !keyAlias.isEmpty();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final String account;
        private URI restUrl = URI.create(DEFAULT_REST_URL);
        private URI streamUrl = URI.create(DEFAULT_STREAM_URL);
        private String keyAlias = "";
        private long recvWindow = DEFAULT_RECV_WINDOW;
        private Duration requestTimeout = Duration.ofMillis(DEFAULT_REQUEST_TIMEOUT_MILLIS);
        private Duration reconnectInitial = Duration.ofMillis(DEFAULT_RECONNECT_INITIAL_MILLIS);
        private Duration reconnectMax = Duration.ofMillis(DEFAULT_RECONNECT_MAX_MILLIS);
        private double reconnectFactor = DEFAULT_RECONNECT_FACTOR;
        private double reconnectJitter = DEFAULT_RECONNECT_JITTER;
        private Duration maxConnectionAge = Duration.ofMillis(DEFAULT_MAX_CONNECTION_AGE_MILLIS);
        private Duration staleAfter = Duration.ofMillis(DEFAULT_STALE_AFTER_MILLIS);
        private Duration listenKeyKeepAlive = Duration.ofMillis(DEFAULT_LISTEN_KEY_KEEPALIVE_MILLIS);
        private int weightLimit = DEFAULT_WEIGHT_LIMIT;
        private double weightBackoffAt = DEFAULT_WEIGHT_BACKOFF_AT;
        private int snapshotLimit = DEFAULT_SNAPSHOT_LIMIT;
        private int bookDepth = DEFAULT_BOOK_DEPTH;
        private Duration signerWait = Duration.ofMillis(DEFAULT_SIGNER_WAIT_MILLIS);
        private Duration timeSyncInterval = Duration.ofMillis(DEFAULT_TIME_SYNC_MILLIS);

        private Builder(String account) {
            this.account = account;
        }

        public Builder urls(URI rest, URI stream) {
            this.restUrl = rest;
            this.streamUrl = stream;
            return this;
        }

        public Builder keyAlias(String alias) {
            this.keyAlias = alias;
            return this;
        }

        public Builder recvWindow(long millis) {
            this.recvWindow = millis;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = d;
            return this;
        }

        public Builder reconnect(Duration initial, Duration max, double factor, double jitter) {
            this.reconnectInitial = initial;
            this.reconnectMax = max;
            this.reconnectFactor = factor;
            this.reconnectJitter = jitter;
            return this;
        }

        public Builder maxConnectionAge(Duration d) {
            this.maxConnectionAge = d;
            return this;
        }

        public Builder staleAfter(Duration d) {
            this.staleAfter = d;
            return this;
        }

        public Builder listenKeyKeepAlive(Duration d) {
            this.listenKeyKeepAlive = d;
            return this;
        }

        public Builder weight(int limit, double backoffAt) {
            this.weightLimit = limit;
            this.weightBackoffAt = backoffAt;
            return this;
        }

        public Builder book(int snapshot, int depth) {
            this.snapshotLimit = snapshot;
            this.bookDepth = depth;
            return this;
        }

        public Builder signerWait(Duration d) {
            this.signerWait = d;
            return this;
        }

        public Builder timeSyncInterval(Duration d) {
            this.timeSyncInterval = d;
            return this;
        }

        public BinanceSettings build() {
            return new BinanceSettings(account, restUrl, streamUrl, keyAlias, recvWindow, requestTimeout,
                    reconnectInitial, reconnectMax, reconnectFactor, reconnectJitter, maxConnectionAge, staleAfter,
                    listenKeyKeepAlive, weightLimit, weightBackoffAt, snapshotLimit, bookDepth, signerWait,
                    timeSyncInterval);
        }
    }
}
