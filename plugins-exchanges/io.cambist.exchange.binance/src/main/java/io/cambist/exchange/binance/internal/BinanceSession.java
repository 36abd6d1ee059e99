package io.cambist.exchange.binance.internal;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
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
import io.cambist.exchange.binance.internal.dto.BinanceExchangeInfo;
import io.cambist.exchange.binance.internal.dto.BinanceRateLimit;
import io.cambist.exchange.binance.internal.http.BinanceRestClient;
import io.cambist.exchange.binance.internal.http.BinanceSigner;
import io.cambist.exchange.binance.internal.http.RequestWeightLimiter;
import io.cambist.exchange.binance.internal.http.ServerClock;
import io.cambist.exchange.binance.internal.http.SignerHolder;
import io.cambist.exchange.binance.internal.ws.BinanceStreamClient;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser;
import io.cambist.exchange.binance.internal.ws.BinanceUserStream;
import io.cambist.exchange.binance.internal.ws.StreamConnection;

/**
 * Everything one {@code connect} brings up and {@code disconnect} tears down: the HTTP client on the framework's
 * scheduler, clock sync, exchangeInfo, the market and user data streams, order tracking and the connection status.
 * Startup runs on the scheduler and retries with backoff until the venue answers.
 */
final class BinanceSession {

    private final Logger logger = LoggerFactory.getLogger(BinanceSession.class);
    private final BinanceSettings settings;
    private final VenueListener listener;
    private final ScheduledExecutorService scheduler;
    private final BinanceInstruments instruments;
    private final Backoff backoff;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final List<Subscription> early = new ArrayList<>();
    private ScheduledFuture<?> rateClear;
    private int bootAttempts;
    private volatile boolean stopped;

    final ServerClock clock;
    final RequestWeightLimiter limiter;
    final BinanceRestClient rest;
    final ConnectionHealth health;
    final OrderTracker tracker;
    final BinanceStreamClient market;
    final BinanceUserStream user;

    BinanceSession(BinanceSettings settings, SignerHolder signers, VenueListener listener,
            BinanceInstruments instruments, AtomicLong malformed) {
        this.settings = settings;
        this.listener = listener;
        this.scheduler = listener.scheduler();
        this.instruments = instruments;
        this.backoff = new Backoff(settings.reconnectInitial(), settings.reconnectMax(), settings.reconnectFactor(),
                settings.reconnectJitter(), () -> ThreadLocalRandom.current().nextDouble());
        ObjectMapper mapper = BinanceJson.mapper();
        HttpClient http = HttpClient.newBuilder().executor(scheduler).connectTimeout(settings.requestTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.clock = new ServerClock(System::currentTimeMillis);
        this.limiter = new RequestWeightLimiter(settings.weightLimit(), settings.weightBackoffAt(), clock::now);
        this.health = new ConnectionHealth(ConnectionStatus.of(ConnectionState.CONNECTING, "connecting to binance at "
                + settings.restUrl(), listener.now()), listener::onStatus, listener::now);
        BinanceSigner signer = new BinanceSigner(settings.account(), settings.keyAlias(), signers, settings.signerWait());
        this.rest = new BinanceRestClient(http, scheduler, settings.restUrl(), signer, clock, limiter, mapper,
                settings.recvWindow(), settings.requestTimeout(), new BinanceRestClient.Events() {
                    @Override
                    public void rateLimited(long until, String reason) {
                        onRateLimited(until, reason);
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
        BinanceStreamClient.StreamConnectionFactory connections = (name, handler) -> new StreamConnection(name, http,
                scheduler, backoff, settings.maxConnectionAge(), settings.staleAfter(), settings.requestTimeout(),
                System::currentTimeMillis, handler);
        this.market = new BinanceStreamClient(settings, connections, instruments, rest, parser, scheduler, health,
                listener::onMarketEvent, malformed, System::currentTimeMillis, backoff);
        this.user = new BinanceUserStream(settings, connections, rest, parser, instruments, tracker,
                new OrderRecovery(settings.account(), rest, tracker), health, scheduler, malformed);
    }

    private BinanceRestClient rest() {
        return rest;
    }

    /** Starts the connection work on the scheduler and returns at once. */
    void start() {
        health.set("rest", ConnectionState.CONNECTING, "connecting to binance at " + settings.restUrl());
        if (settings.hasKey()) {
            health.set("user", ConnectionState.CONNECTING, "waiting for exchangeInfo before the user data stream");
        }
        scheduler.execute(this::bootstrap);
    }

    private void bootstrap() {
        if (stopped) {
            return;
        }
        rest.syncClock().thenCompose(offset -> rest.exchangeInfo()).whenComplete((info, error) -> {
            if (stopped) {
                return;
            }
            if (error != null) {
                long delay = backoff.delayMillis(bootAttempts++);
                String reason = "cannot load exchangeInfo from " + settings.restUrl() + ": "
                        + BinanceRestClient.unwrap(error).getMessage() + "; retrying in " + delay + " ms";
                health.set("rest", ConnectionState.CONNECTING, reason);
                schedule(scheduler.schedule(this::bootstrap, delay, TimeUnit.MILLISECONDS));
                return;
            }
            loaded(info);
            health.clear("rest");
            logger.info("binance account {} connected: {} instruments, clock offset {} ms", settings.account(),
                    instruments.specs().size(), clock.offset());
            if (settings.hasKey()) {
                user.start();
            }
            List<Subscription> waiting;
            synchronized (this) {
                waiting = new ArrayList<>(early);
                early.clear();
            }
            waiting.forEach(this::subscribeNow);
            long sync = settings.timeSyncInterval().toMillis();
            schedule(scheduler.scheduleWithFixedDelay(() -> rest.syncClock().exceptionally(e -> null), sync, sync,
                    TimeUnit.MILLISECONDS));
            schedule(scheduler.scheduleWithFixedDelay(this::refreshInstruments, 3_600_000, 3_600_000, TimeUnit.MILLISECONDS));
        });
    }

    void loaded(BinanceExchangeInfo info) {
        instruments.load(info);
        for (BinanceRateLimit l : info.rateLimits()) {
            if ("REQUEST_WEIGHT".equals(l.rateLimitType()) && "MINUTE".equals(l.interval()) && l.intervalNum() == 1) {
                limiter.setLimit(l.limit());
            }
        }
    }

    private void refreshInstruments() {
        rest.exchangeInfo().thenAccept(this::loaded).exceptionally(e -> null);
    }

    /**
     * Subscribes now, or once exchangeInfo has arrived.
     *
     * @throws io.cambist.api.exchange.InvalidOrderException when Binance does not list the instrument
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
            logger.warn("binance account {}: cannot subscribe to {}: {}", settings.account(), s, e.getMessage());
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
            long delay = Math.max(0, until - clock.now());
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

    VenueListener listener() {
        return listener;
    }
}
