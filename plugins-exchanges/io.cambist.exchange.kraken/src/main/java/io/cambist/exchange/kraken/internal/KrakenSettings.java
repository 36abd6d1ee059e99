package io.cambist.exchange.kraken.internal;

import static io.cambist.connector.SettingsChecks.positive;
import static io.cambist.exchange.kraken.internal.KrakenConstants.*;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import io.cambist.connector.SettingsChecks;

/**
 * A validated account configuration, built from {@link KrakenConfiguration} in the container and with
 * {@link #builder(String)} in tests; every invalid value is refused with a message that says what to write instead.
 */
public record KrakenSettings(String account, URI restUrl, URI streamUrl, URI privateStreamUrl, String keyAlias,
        Duration requestTimeout, Duration reconnectInitial, Duration reconnectMax, double reconnectFactor,
        double reconnectJitter, Duration staleAfter, double counterMax, double counterDecay, Duration rateMaxWait,
        int bookDepth, Duration signerWait) {

    /** The depths Kraken's book channel accepts. */
    public static final Set<Integer> BOOK_DEPTHS = Set.of(10, 25, 100, 500, 1000);

    public KrakenSettings {
        account = SettingsChecks.account("Kraken", account);
        restUrl = SettingsChecks.url("restUrl", restUrl, Set.of("http", "https"));
        streamUrl = SettingsChecks.url("streamUrl", streamUrl, Set.of("ws", "wss"));
        privateStreamUrl = SettingsChecks.url("privateStreamUrl", privateStreamUrl, Set.of("ws", "wss"));
        keyAlias = SettingsChecks.keyAlias(keyAlias, account);
        positive("requestTimeoutMillis", requestTimeout);
        SettingsChecks.reconnect(reconnectInitial, reconnectMax, reconnectFactor, reconnectJitter);
        positive("stream.staleAfterMillis", staleAfter);
        if (staleAfter.toMillis() < 300) {
            throw new IllegalArgumentException("stream.staleAfterMillis " + staleAfter.toMillis()
                    + " must be at least 300 ms: the connector pings three times within that period");
        }
        if (!(counterMax >= 1 && counterMax <= 1000)) {
            throw new IllegalArgumentException("rate.counterMax " + counterMax + " must be between 1 and 1000 "
                    + "(Kraken: 15 for Starter, 20 for Intermediate and Pro)");
        }
        if (!(counterDecay > 0 && counterDecay <= 1000)) {
            throw new IllegalArgumentException("rate.decayPerSecond " + counterDecay + " must be above 0 "
                    + "(Kraken: 0.33 for Starter, 0.5 for Intermediate, 1 for Pro)");
        }
        if (rateMaxWait == null || rateMaxWait.isNegative()) {
            throw new IllegalArgumentException("rate.maxWaitMillis must be 0 or more milliseconds");
        }
        if (!BOOK_DEPTHS.contains(bookDepth)) {
            throw new IllegalArgumentException("book.depth " + bookDepth + " must be one of 10, 25, 100, 500, 1000 "
                    + "(the depths Kraken's book channel offers)");
        }
        positive("signer.waitMillis", signerWait);
    }

    /** Settings from the component configuration. */
    static KrakenSettings from(KrakenConfiguration c) {
        return new KrakenSettings(c.account(), SettingsChecks.uri("restUrl", c.restUrl()),
                SettingsChecks.uri("streamUrl", c.streamUrl()),
                SettingsChecks.uri("privateStreamUrl", c.privateStreamUrl()), c.keyAlias(),
                Duration.ofMillis(c.requestTimeoutMillis()), Duration.ofMillis(c.reconnect_initialMillis()),
                Duration.ofMillis(c.reconnect_maxMillis()), c.reconnect_factor(), c.reconnect_jitter(),
                Duration.ofMillis(c.stream_staleAfterMillis()), c.rate_counterMax(), c.rate_decayPerSecond(),
                Duration.ofMillis(c.rate_maxWaitMillis()), c.book_depth(), Duration.ofMillis(c.signer_waitMillis()));
    }

    /** A builder with the defaults, for tests and embedding. */
    public static Builder builder(String account) {
        return new Builder(account);
    }

    /** True when a key alias is configured, so balances, orders and the executions channel are available. */
    public boolean hasKey() {
        return !keyAlias.isEmpty();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final String account;
        private URI restUrl = URI.create(DEFAULT_REST_URL);
        private URI streamUrl = URI.create(DEFAULT_STREAM_URL);
        private URI privateStreamUrl = URI.create(DEFAULT_PRIVATE_STREAM_URL);
        private String keyAlias = "";
        private Duration requestTimeout = Duration.ofMillis(DEFAULT_REQUEST_TIMEOUT_MILLIS);
        private Duration reconnectInitial = Duration.ofMillis(DEFAULT_RECONNECT_INITIAL_MILLIS);
        private Duration reconnectMax = Duration.ofMillis(DEFAULT_RECONNECT_MAX_MILLIS);
        private double reconnectFactor = DEFAULT_RECONNECT_FACTOR;
        private double reconnectJitter = DEFAULT_RECONNECT_JITTER;
        private Duration staleAfter = Duration.ofMillis(DEFAULT_STALE_AFTER_MILLIS);
        private double counterMax = DEFAULT_COUNTER_MAX;
        private double counterDecay = DEFAULT_COUNTER_DECAY;
        private Duration rateMaxWait = Duration.ofMillis(DEFAULT_RATE_MAX_WAIT_MILLIS);
        private int bookDepth = DEFAULT_BOOK_DEPTH;
        private Duration signerWait = Duration.ofMillis(DEFAULT_SIGNER_WAIT_MILLIS);

        private Builder(String account) {
            this.account = account;
        }

        public Builder urls(URI rest, URI stream, URI privateStream) {
            this.restUrl = rest;
            this.streamUrl = stream;
            this.privateStreamUrl = privateStream;
            return this;
        }

        public Builder keyAlias(String alias) {
            this.keyAlias = alias;
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

        public Builder staleAfter(Duration d) {
            this.staleAfter = d;
            return this;
        }

        public Builder rate(double max, double decayPerSecond, Duration maxWait) {
            this.counterMax = max;
            this.counterDecay = decayPerSecond;
            this.rateMaxWait = maxWait;
            return this;
        }

        public Builder bookDepth(int depth) {
            this.bookDepth = depth;
            return this;
        }

        public Builder signerWait(Duration d) {
            this.signerWait = d;
            return this;
        }

        public KrakenSettings build() {
            return new KrakenSettings(account, restUrl, streamUrl, privateStreamUrl, keyAlias, requestTimeout,
                    reconnectInitial, reconnectMax, reconnectFactor, reconnectJitter, staleAfter, counterMax,
                    counterDecay, rateMaxWait, bookDepth, signerWait);
        }
    }
}
