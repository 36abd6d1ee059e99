package io.cambist.exchange.binance.internal;

import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.model.Subscription;
import io.cambist.api.security.Signer;
import io.cambist.connector.Backoff;
import io.cambist.connector.OrderTracker;
import io.cambist.connector.ServiceHolder;
import io.cambist.connector.VenueSession;
import io.cambist.exchange.binance.internal.dto.BinanceExchangeInfo;
import io.cambist.exchange.binance.internal.dto.BinanceRateLimit;
import io.cambist.exchange.binance.internal.http.BinanceRestClient;
import io.cambist.exchange.binance.internal.http.BinanceSigner;
import io.cambist.exchange.binance.internal.http.RequestWeightLimiter;
import io.cambist.exchange.binance.internal.http.ServerClock;
import io.cambist.exchange.binance.internal.ws.BinanceSockets;
import io.cambist.exchange.binance.internal.ws.BinanceStreamClient;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser;
import io.cambist.exchange.binance.internal.ws.BinanceUserStream;

/**
 * Everything one {@code connect} brings up and {@code disconnect} tears down: the HTTP client on the framework's
 * scheduler, clock sync, exchangeInfo, the market and user data streams, order tracking and the connection status.
 * Startup runs on the scheduler and retries with backoff until the venue answers ({@link VenueSession}).
 */
final class BinanceSession extends VenueSession<BinanceExchangeInfo> {

    private final Logger logger = LoggerFactory.getLogger(BinanceSession.class);
    private final BinanceSettings settings;
    private final BinanceInstruments instruments;

    final ServerClock clock;
    final RequestWeightLimiter limiter;
    final BinanceRestClient rest;
    final OrderTracker tracker;
    final BinanceStreamClient market;
    final BinanceUserStream user;

    BinanceSession(BinanceSettings settings, ServiceHolder<Signer> signers, VenueListener listener,
            BinanceInstruments instruments, AtomicLong malformed) {
        this(settings, signers, listener, instruments, malformed, new ServerClock(System::currentTimeMillis),
                new Backoff(settings.reconnectInitial(), settings.reconnectMax(), settings.reconnectFactor(),
                        settings.reconnectJitter(), () -> ThreadLocalRandom.current().nextDouble()));
    }

    private BinanceSession(BinanceSettings settings, ServiceHolder<Signer> signers, VenueListener listener,
            BinanceInstruments instruments, AtomicLong malformed, ServerClock clock, Backoff backoff) {
        super(BinanceConstants.VENUE, settings.account(), settings.restUrl(), "exchangeInfo", listener, backoff,
                clock::now);
        this.settings = settings;
        this.instruments = instruments;
        this.clock = clock;
        ObjectMapper mapper = BinanceJson.mapper();
        HttpClient http = HttpClient.newBuilder().executor(scheduler()).connectTimeout(settings.requestTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.limiter = new RequestWeightLimiter(settings.weightLimit(), settings.weightBackoffAt(), clock::now);
        BinanceSigner signer = new BinanceSigner(settings.account(), settings.keyAlias(), signers, settings.signerWait());
        this.rest = new BinanceRestClient(http, scheduler(), settings.restUrl(), signer, clock, limiter, mapper,
                settings.recvWindow(), settings.requestTimeout(), new BinanceRestClient.Events() {
                    @Override
                    public void rateLimited(long until, String reason) {
                        BinanceSession.this.rateLimited(until, reason);
                    }

                    @Override
                    public void timestampRejected() {
                        rest().syncClock().exceptionally(e -> null);
                    }

                    @Override
                    public void malformed(String what) {
                        malformed.incrementAndGet();
                    }
                });
        this.tracker = new OrderTracker(settings.account(), listener::onExecution, 10_000);
        BinanceStreamParser parser = new BinanceStreamParser(mapper);
        BinanceStreamClient.StreamConnectionFactory connections = (name, handler) -> BinanceSockets.create(name, http,
                scheduler(), backoff, settings, handler);
        this.market = new BinanceStreamClient(settings, connections, instruments, rest, parser, scheduler(), health(),
                listener::onMarketEvent, malformed, System::currentTimeMillis, backoff);
        this.user = new BinanceUserStream(settings, connections, rest, parser, instruments, tracker,
                new OrderRecovery(settings.account(), rest, tracker), health(), scheduler(), malformed);
    }

    private BinanceRestClient rest() {
        return rest;
    }

    @Override
    protected void starting() {
        if (settings.hasKey()) {
            health().set("user", ConnectionState.CONNECTING, "waiting for exchangeInfo before the user data stream");
        }
    }

    @Override
    protected CompletableFuture<BinanceExchangeInfo> bootstrapCall() {
        return rest.syncClock().thenCompose(offset -> rest.exchangeInfo());
    }

    @Override
    public void loaded(BinanceExchangeInfo info) {
        instruments.load(info);
        for (BinanceRateLimit l : info.rateLimits()) {
            if ("REQUEST_WEIGHT".equals(l.rateLimitType()) && "MINUTE".equals(l.interval()) && l.intervalNum() == 1) {
                limiter.setLimit(l.limit());
            }
        }
    }

    @Override
    protected boolean instrumentsLoaded() {
        return instruments.loaded();
    }

    @Override
    protected void ready() {
        logger.info("binance account {} connected: {} instruments, clock offset {} ms", settings.account(),
                instruments.specs().size(), clock.offset());
        if (settings.hasKey()) {
            user.start();
        }
        every(settings.timeSyncInterval().toMillis(), () -> rest.syncClock().exceptionally(e -> null));
        every(3_600_000, this::refreshInstruments);
    }

    private void refreshInstruments() {
        rest.exchangeInfo().thenAccept(this::loaded).exceptionally(e -> null);
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
