package io.cambist.connector;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.model.Subscription;

/**
 * The shape of one {@code connect} .. {@code disconnect} cycle that every connector shares, on the framework's
 * scheduler: the status starts CONNECTING; the bootstrap call (the venue's instrument list) is retried with backoff
 * until the venue answers; subscriptions made before it arrived are held and made once it has; a rate limit shows as
 * DEGRADED until it lifts; {@link #stop} cancels every task, stops the streams and goes OFFLINE. The venue supplies
 * the calls and the streams.
 *
 * @param <T> what the bootstrap call answers
 */
public abstract class VenueSession<T> {

    /** The health part of the bootstrap (REST startup). */
    public static final String REST = "rest";
    /** The health part of a rate limit. */
    public static final String RATE = "rate";

    private final Logger logger = LoggerFactory.getLogger(VenueSession.class);
    private final String venue;
    private final String account;
    private final URI restUrl;
    private final String bootstrapName;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final ConnectionHealth health;
    private final LongSupplier rateClock;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final List<Subscription> early = new ArrayList<>();
    private ScheduledFuture<?> rateClear;
    private int bootAttempts;
    private volatile boolean stopped;

    /**
     * Creates the session's {@link ConnectionHealth}, which publishes CONNECTING to the listener at once.
     *
     * @param venue         the venue's name for reasons, e.g. {@code binance}
     * @param bootstrapName what the bootstrap call loads, for reasons, e.g. {@code exchangeInfo}
     * @param backoff       the bootstrap's retry delays (the streams may share it)
     * @param rateClock     the clock rate limit deadlines are given in, epoch milliseconds
     */
    protected VenueSession(String venue, String account, URI restUrl, String bootstrapName, VenueListener listener,
            Backoff backoff, LongSupplier rateClock) {
        this.venue = venue;
        this.account = account;
        this.restUrl = restUrl;
        this.bootstrapName = bootstrapName;
        this.scheduler = listener.scheduler();
        this.backoff = backoff;
        this.rateClock = rateClock;
        this.health = new ConnectionHealth(ConnectionStatus.of(ConnectionState.CONNECTING, "connecting to " + venue
                + " at " + restUrl, listener.now()), listener::onStatus, listener::now);
    }

    /** The call that must succeed before anything else (the instrument list); retried until it does. */
    protected abstract CompletableFuture<T> bootstrapCall();

    /** Takes in the bootstrap answer; also called by the connector when it loads the same data itself. */
    public abstract void loaded(T answer);

    /** Whether the instruments are known, so a subscription can be made now. */
    protected abstract boolean instrumentsLoaded();

    /** After the bootstrap succeeded: start the private stream, schedule periodic work with {@link #every}. */
    protected abstract void ready();

    /** Starts a market data stream. */
    protected abstract void subscribeStream(Subscription s);

    /** Stops a market data stream. */
    protected abstract void unsubscribeStream(Subscription s);

    /** Closes every stream. */
    protected abstract void stopStreams();

    /** Before the bootstrap starts: set the health of parts that wait for it. */
    protected void starting() {
    }

    /** The folded connection status of this session. */
    public final ConnectionHealth health() {
        return health;
    }

    /** The framework's scheduler. */
    protected final ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Starts the connection work on the scheduler and returns at once. */
    public final void start() {
        health.set(REST, ConnectionState.CONNECTING, "connecting to " + venue + " at " + restUrl);
        starting();
        scheduler.execute(this::bootstrap);
    }

    private void bootstrap() {
        if (stopped) {
            return;
        }
        bootstrapCall().whenComplete((answer, error) -> {
            if (stopped) {
                return;
            }
            if (error != null) {
                long delay = backoff.delayMillis(bootAttempts++);
                String reason = "cannot load " + bootstrapName + " from " + restUrl + ": "
                        + Futures.unwrap(error).getMessage() + "; retrying in " + delay + " ms";
                health.set(REST, ConnectionState.CONNECTING, reason);
                track(scheduler.schedule(this::bootstrap, delay, TimeUnit.MILLISECONDS));
                return;
            }
            loaded(answer);
            health.clear(REST);
            ready();
            List<Subscription> waiting;
            synchronized (this) {
                waiting = new ArrayList<>(early);
                early.clear();
            }
            waiting.forEach(this::subscribeHeld);
        });
    }

    /**
     * Subscribes now, or once the bootstrap has loaded the instruments.
     *
     * @throws io.cambist.api.exchange.InvalidOrderException when the venue does not list the instrument
     */
    public final void subscribe(Subscription s) {
        synchronized (this) {
            if (!instrumentsLoaded()) {
                if (!early.contains(s)) {
                    early.add(s);
                }
                return;
            }
        }
        subscribeStream(s);
    }

    private void subscribeHeld(Subscription s) {
        try {
            subscribeStream(s);
        } catch (RuntimeException e) {
            logger.warn("{} account {}: cannot subscribe to {}: {}", venue, account, s, e.getMessage());
        }
    }

    /** Stops a stream, or forgets a subscription still waiting for the bootstrap. */
    public final void unsubscribe(Subscription s) {
        synchronized (this) {
            early.remove(s);
        }
        unsubscribeStream(s);
    }

    /** Runs a task every {@code periodMillis} (first after one period) until {@link #stop}. */
    protected final void every(long periodMillis, Runnable task) {
        track(scheduler.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS));
    }

    /** The venue or the local limiter refused for rate: DEGRADED with the reason until {@code until}. */
    protected final void rateLimited(long until, String reason) {
        health.set(RATE, ConnectionState.DEGRADED, reason);
        synchronized (this) {
            if (rateClear != null) {
                rateClear.cancel(false);
            }
            long delay = Math.max(0, until - rateClock.getAsLong());
            rateClear = scheduler.schedule(() -> health.clear(RATE), delay, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void track(ScheduledFuture<?> f) {
        if (stopped) {
            f.cancel(false);
        } else {
            tasks.add(f);
        }
    }

    /** Stops the streams, cancels every scheduled task and goes OFFLINE ("disconnected"). */
    public final void stop() {
        synchronized (this) {
            stopped = true;
            tasks.forEach(t -> t.cancel(false));
            tasks.clear();
            if (rateClear != null) {
                rateClear.cancel(false);
            }
        }
        stopStreams();
        health.stop("disconnected");
    }
}
