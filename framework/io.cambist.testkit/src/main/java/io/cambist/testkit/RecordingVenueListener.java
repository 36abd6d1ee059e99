package io.cambist.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.model.MarketEvent;

/**
 * A {@link VenueListener} for connector tests: records every market event, execution report and status change in
 * arrival order, offers await helpers with timeouts, and provides a real scheduler (a small thread pool, like the
 * core's) that {@link #close()} shuts down.
 */
public class RecordingVenueListener implements VenueListener, AutoCloseable {

    private final List<MarketEvent> marketEvents = new CopyOnWriteArrayList<>();
    private final List<ExecutionReport> executions = new CopyOnWriteArrayList<>();
    private final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor scheduler;

    /** A listener with a four-thread scheduler. */
    public RecordingVenueListener() {
        this(4);
    }

    /** A listener with a scheduler of the given number of threads. */
    public RecordingVenueListener(int threads) {
        AtomicInteger n = new AtomicInteger();
        scheduler = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "test-scheduler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void onMarketEvent(MarketEvent event) {
        marketEvents.add(event);
    }

    @Override
    public void onExecution(ExecutionReport report) {
        executions.add(report);
    }

    @Override
    public void onStatus(ConnectionStatus status) {
        statuses.add(status);
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    /** Every market event so far, in arrival order. */
    public List<MarketEvent> marketEvents() {
        return List.copyOf(marketEvents);
    }

    /** The market events of one type, in arrival order. */
    public <T extends MarketEvent> List<T> marketEvents(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (MarketEvent e : marketEvents) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** The newest market event of a type that matches, if any. */
    public <T extends MarketEvent> Optional<T> lastMarketEvent(Class<T> type, Predicate<? super T> match) {
        List<T> events = marketEvents(type);
        for (int i = events.size() - 1; i >= 0; i--) {
            if (match.test(events.get(i))) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    /** Every execution report so far, in arrival order. */
    public List<ExecutionReport> executions() {
        return List.copyOf(executions);
    }

    /** Every status change so far, in arrival order. */
    public List<ConnectionStatus> statuses() {
        return List.copyOf(statuses);
    }

    /** The newest status, or empty before the first. */
    public Optional<ConnectionStatus> lastStatus() {
        return statuses.isEmpty() ? Optional.empty() : Optional.of(statuses.get(statuses.size() - 1));
    }

    /** Waits for the first market event of a type that matches (already recorded ones count). */
    public <T extends MarketEvent> T awaitMarketEvent(Class<T> type, Predicate<? super T> match, Duration timeout) {
        return Await.value("a " + type.getSimpleName() + " event that matches", timeout, () -> {
            for (T e : marketEvents(type)) {
                if (match.test(e)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        });
    }

    /** Waits for the first execution report that matches (already recorded ones count). */
    public ExecutionReport awaitExecution(String what, Predicate<ExecutionReport> match, Duration timeout) {
        try {
            return Await.value(what, timeout, () -> executions.stream().filter(match).findFirst());
        } catch (AssertionError e) {
            throw withState(e, "execution reports", executions);
        }
    }

    /** Waits until the newest status has the given state. */
    public ConnectionStatus awaitState(ConnectionState state, Duration timeout) {
        try {
            return Await.value("connection state " + state, timeout, () -> lastStatus().filter(s -> s.state() == state));
        } catch (AssertionError e) {
            throw withState(e, "statuses", statuses);
        }
    }

    /** Waits until some status recorded from index {@code from} on matches. */
    public ConnectionStatus awaitStatusSince(int from, Predicate<ConnectionStatus> match, String what, Duration timeout) {
        try {
            return Await.value(what, timeout, () -> {
                for (int i = from; i < statuses.size(); i++) {
                    if (match.test(statuses.get(i))) {
                        return Optional.of(statuses.get(i));
                    }
                }
                return Optional.empty();
            });
        } catch (AssertionError e) {
            throw withState(e, "statuses", statuses);
        }
    }

    // the failure says what was recorded when the wait gave up, not when it started
    private static AssertionError withState(AssertionError e, String what, List<?> recorded) {
        AssertionError out = new AssertionError(e.getMessage() + "; " + what + " so far: " + recorded);
        out.initCause(e.getCause());
        return out;
    }

    /** Forgets everything recorded so far (the scheduler keeps running). */
    public void clear() {
        marketEvents.clear();
        executions.clear();
        statuses.clear();
    }

    /** Stops the scheduler and waits briefly for running tasks. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
