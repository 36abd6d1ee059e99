package io.cambist.exchange.kraken.internal;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.model.Subscription;
import io.cambist.api.security.NonceGenerator;
import io.cambist.api.security.Signer;
import io.cambist.connector.Backoff;
import io.cambist.connector.OrderTracker;
import io.cambist.connector.ServiceHolder;
import io.cambist.connector.VenueSession;
import io.cambist.exchange.kraken.internal.dto.KrakenAssetPair;
import io.cambist.exchange.kraken.internal.http.ApiCounter;
import io.cambist.exchange.kraken.internal.http.KrakenRestClient;
import io.cambist.exchange.kraken.internal.http.KrakenSigner;
import io.cambist.exchange.kraken.internal.ws.KrakenExecutionStream;
import io.cambist.exchange.kraken.internal.ws.KrakenSockets;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamClient;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser;

/**
 * Everything one {@code connect} brings up and {@code disconnect} tears down: the HTTP client on the framework's
 * scheduler, AssetPairs, the public and private streams, order tracking and the connection status. Startup runs on
 * the scheduler and retries with backoff until Kraken answers ({@link VenueSession}).
 */
final class KrakenSession extends VenueSession<Map<String, KrakenAssetPair>> {

    private static final long REFRESH_PAIRS_MILLIS = 3_600_000;

    private final Logger logger = LoggerFactory.getLogger(KrakenSession.class);
    private final KrakenSettings settings;
    private final KrakenInstruments instruments;

    final KrakenRestClient rest;
    final OrderTracker tracker;
    final OrderRecovery recovery;
    final KrakenStreamClient market;
    final KrakenExecutionStream user;

    KrakenSession(KrakenSettings settings, ServiceHolder<Signer> signers, ServiceHolder<NonceGenerator> nonces,
            VenueListener listener, KrakenInstruments instruments, AtomicLong malformed) {
        this(settings, signers, nonces, listener, instruments, malformed, new Backoff(settings.reconnectInitial(),
                settings.reconnectMax(), settings.reconnectFactor(), settings.reconnectJitter(),
                () -> ThreadLocalRandom.current().nextDouble()));
    }

    private KrakenSession(KrakenSettings settings, ServiceHolder<Signer> signers, ServiceHolder<NonceGenerator> nonces,
            VenueListener listener, KrakenInstruments instruments, AtomicLong malformed, Backoff backoff) {
        super(KrakenConstants.VENUE, settings.account(), settings.restUrl(), "AssetPairs", listener, backoff,
                System::currentTimeMillis);
        this.settings = settings;
        this.instruments = instruments;
        ObjectMapper mapper = KrakenJson.mapper();
        HttpClient http = HttpClient.newBuilder().executor(scheduler()).connectTimeout(settings.requestTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        KrakenSigner signer = new KrakenSigner(settings.account(), settings.keyAlias(), signers, nonces,
                settings.signerWait());
        this.rest = new KrakenRestClient(http, scheduler(), settings.restUrl(), signer,
                new ApiCounter(settings.counterMax(), settings.counterDecay(), System::currentTimeMillis), mapper,
                settings.requestTimeout(), settings.rateMaxWait(), System::currentTimeMillis,
                new KrakenRestClient.Events() {
                    @Override
                    public void rateLimited(long until, String reason) {
                        KrakenSession.this.rateLimited(until, reason);
                    }

                    @Override
                    public void malformed(String what) {
                        malformed.incrementAndGet();
                    }
                });
        this.tracker = new OrderTracker(settings.account(), listener::onExecution, 10_000);
        this.recovery = new OrderRecovery(settings.account(), rest, tracker);
        KrakenStreamParser parser = new KrakenStreamParser(mapper);
        KrakenStreamClient.SocketFactory sockets = (name, handler) -> KrakenSockets.create(name, http, scheduler(),
                backoff, settings, handler);
        this.market = new KrakenStreamClient(settings, sockets, instruments, parser, mapper, health(),
                listener::onMarketEvent, malformed, listener::now);
        this.user = new KrakenExecutionStream(settings, sockets, rest, parser, mapper, instruments, tracker, recovery,
                health(), malformed, listener::now, scheduler());
    }

    @Override
    protected void starting() {
        if (settings.hasKey()) {
            health().set("user", ConnectionState.CONNECTING, "waiting for AssetPairs before the private stream");
        }
    }

    @Override
    protected CompletableFuture<Map<String, KrakenAssetPair>> bootstrapCall() {
        return rest.assetPairs();
    }

    @Override
    public void loaded(Map<String, KrakenAssetPair> pairs) {
        instruments.load(pairs);
    }

    @Override
    protected boolean instrumentsLoaded() {
        return instruments.loaded();
    }

    @Override
    protected void ready() {
        logger.info("kraken account {} connected: {} instruments", settings.account(), instruments.specs().size());
        if (settings.hasKey()) {
            user.start();
        }
        every(REFRESH_PAIRS_MILLIS, this::refreshInstruments);
    }

    private void refreshInstruments() {
        rest.assetPairs().thenAccept(instruments::load).exceptionally(e -> null);
    }

    @Override
    protected void subscribeStream(Subscription s) {
        market.subscribe(s);
    }

    @Override
    protected void unsubscribeStream(Subscription s) {
        market.unsubscribe(s);
    }

    @Override
    protected void stopStreams() {
        market.stop();
        if (settings.hasKey()) {
            user.stop();
        }
    }
}
