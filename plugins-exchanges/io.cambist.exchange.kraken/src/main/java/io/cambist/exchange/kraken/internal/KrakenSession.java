package io.cambist.exchange.kraken.internal;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.model.Subscription;
import io.cambist.api.security.NonceGenerator;
import io.cambist.api.security.Signer;
import io.cambist.exchange.kraken.internal.dto.KrakenAssetPair;
import io.cambist.exchange.kraken.internal.http.ApiCounter;
import io.cambist.exchange.kraken.internal.http.KrakenRestClient;
import io.cambist.exchange.kraken.internal.http.KrakenSigner;
import io.cambist.exchange.kraken.internal.http.ServiceHolder;
import io.cambist.exchange.kraken.internal.ws.KrakenExecutionStream;
import io.cambist.exchange.kraken.internal.ws.KrakenSocket;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamClient;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser;

/**
 * Everything one {@code connect} brings up and {@code disconnect} tears down: the HTTP client on the framework's
 * scheduler, AssetPairs, the public and private streams, order tracking and the connection status. Startup runs on
 * the scheduler and retries with backoff until Kraken answers.
 */
final class KrakenSession {

    private static final long REFRESH_PAIRS_MILLIS = 3_600_000;

    private final Logger logger = LoggerFactory.getLogger(KrakenSession.class);
    private final KrakenSettings settings;
    private final ScheduledExecutorService scheduler;
    private final KrakenInstruments instruments;
    private final Backoff backoff;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final List<Subscription> early = new ArrayList<>();
    private ScheduledFuture<?> rateClear;
    private int bootAttempts;
    private volatile boolean stopped;

    final KrakenRestClient rest;
    final ConnectionHealth health;
    final OrderTracker tracker;
    final OrderRecovery recovery;
    final KrakenStreamClient market;
    final KrakenExecutionStream user;

    KrakenSession(KrakenSettings settings, ServiceHolder<Signer> signers, ServiceHolder<NonceGenerator> nonces,
            VenueListener listener, KrakenInstruments instruments, AtomicLong malformed) {
        this.settings = settings;
        this.scheduler = listener.scheduler();
        this.instruments = instruments;
        this.backoff = new Backoff(settings.reconnectInitial(), settings.reconnectMax(), settings.reconnectFactor(),
                settings.reconnectJitter(), () -> ThreadLocalRandom.current().nextDouble());
        ObjectMapper mapper = KrakenJson.mapper();
        HttpClient http = HttpClient.newBuilder().executor(scheduler).connectTimeout(settings.requestTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.health = new ConnectionHealth(ConnectionStatus.of(ConnectionState.CONNECTING, "connecting to kraken at "
                + settings.restUrl(), listener.now()), listener::onStatus, listener::now);
        KrakenSigner signer = new KrakenSigner(settings.account(), settings.keyAlias(), signers, nonces,
                settings.signerWait());
        this.rest = new KrakenRestClient(http, scheduler, settings.restUrl(), signer,
                new ApiCounter(settings.counterMax(), settings.counterDecay(), System::currentTimeMillis), mapper,
                settings.requestTimeout(), settings.rateMaxWait(), System::currentTimeMillis,
                new KrakenRestClient.Events() {
                    @Override
                    public void rateLimited(long until, String reason) {
                        onRateLimited(until, reason);
                    }

                    @Override
                    public void malformed(String what) {
                        malformed.incrementAndGet();
                    }
                });
        this.tracker = new OrderTracker(settings.account(), listener::onExecution, 10_000);
        this.recovery = new OrderRecovery(settings.account(), rest, tracker);
        KrakenStreamParser parser = new KrakenStreamParser(mapper);
        KrakenStreamClient.SocketFactory sockets = (name, handler) -> new KrakenSocket(name, http, scheduler, backoff,
                settings.staleAfter(), settings.requestTimeout(), System::currentTimeMillis, handler);
        this.market = new KrakenStreamClient(settings, sockets, instruments, parser, mapper, health,
                listener::onMarketEvent, malformed, listener::now);
        this.user = new KrakenExecutionStream(settings, sockets, rest, parser, mapper, instruments, tracker, recovery,
                health, malformed, listener::now, scheduler);
    }

    /** Starts the connection work on the scheduler and returns at once. */
    void start() {
        health.set("rest", ConnectionState.CONNECTING, "connecting to kraken at " + settings.restUrl());
        if (settings.hasKey()) {
            health.set("user", ConnectionState.CONNECTING, "waiting for AssetPairs before the private stream");
        }
        scheduler.execute(this::bootstrap);
    }

    private void bootstrap() {
        if (stopped) {
            return;
        }
        rest.assetPairs().whenComplete((pairs, error) -> {
            if (stopped) {
                return;
            }
            if (error != null) {
                long delay = backoff.delayMillis(bootAttempts++);
                String reason = "cannot load AssetPairs from " + settings.restUrl() + ": "
                        + KrakenRestClient.unwrap(error).getMessage() + "; retrying in " + delay + " ms";
                health.set("rest", ConnectionState.CONNECTING, reason);
                schedule(scheduler.schedule(this::bootstrap, delay, TimeUnit.MILLISECONDS));
                return;
            }
            instruments.load(pairs);
            health.clear("rest");
            logger.info("kraken account {} connected: {} instruments", settings.account(), instruments.specs().size());
            if (settings.hasKey()) {
                user.start();
            }
            List<Subscription> waiting;
            synchronized (this) {
                waiting = new ArrayList<>(early);
                early.clear();
            }
            waiting.forEach(this::subscribeNow);
            schedule(scheduler.scheduleWithFixedDelay(this::refreshInstruments, REFRESH_PAIRS_MILLIS,
                    REFRESH_PAIRS_MILLIS, TimeUnit.MILLISECONDS));
        });
    }

    void loaded(Map<String, KrakenAssetPair> pairs) {
        instruments.load(pairs);
    }

    private void refreshInstruments() {
        rest.assetPairs().thenAccept(instruments::load).exceptionally(e -> null);
    }

    /**
     * Subscribes now, or once AssetPairs has arrived.
     *
     * @throws io.cambist.api.exchange.InvalidOrderException when Kraken does not list the instrument
     */
    void subscribe(Subscription s) {
        synchronized (this) {
            if (!instruments.loaded()) {
                if (!early.contains(s)) {
                    early.add(s);
                }
                return;
            }
        }
        market.subscribe(s);
    }

    private void subscribeNow(Subscription s) {
        try {
            market.subscribe(s);
        } catch (RuntimeException e) {
            logger.warn("kraken account {}: cannot subscribe to {}: {}", settings.account(), s, e.getMessage());
        }
    }

    void unsubscribe(Subscription s) {
        synchronized (this) {
            early.remove(s);
        }
        market.unsubscribe(s);
    }

    private void onRateLimited(long until, String reason) {
        health.set("rate", ConnectionState.DEGRADED, reason);
        synchronized (this) {
            if (rateClear != null) {
                rateClear.cancel(false);
            }
            long delay = Math.max(0, until - System.currentTimeMillis());
            rateClear = scheduler.schedule(() -> health.clear("rate"), delay, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void schedule(ScheduledFuture<?> f) {
        if (stopped) {
            f.cancel(false);
        } else {
            tasks.add(f);
        }
    }

    /** Stops streams and cancels every scheduled task. */
    void stop() {
        synchronized (this) {
            stopped = true;
            tasks.forEach(t -> t.cancel(false));
            tasks.clear();
            if (rateClear != null) {
                rateClear.cancel(false);
            }
        }
        market.stop();
        if (settings.hasKey()) {
            user.stop();
        }
        health.stop("disconnected");
    }
}
