package io.cambist.connector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;

/**
 * Folds the state of a connector's parts (REST startup, each stream, each order book, the rate limiter, order
 * recovery) into one {@link ConnectionStatus}: the worst part wins, with its reason. Reports every change, and only
 * changes, to the listener.
 */
public final class ConnectionHealth {

    private record Part(ConnectionState state, String reason) {
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final Consumer<ConnectionStatus> sink;
    private final LongSupplier clock;
    private ConnectionStatus current;
    private boolean stopped;

    /**
     * Publishes {@code initial} right away.
     *
     * @param sink  receives every change, in order (typically {@code VenueListener::onStatus})
     * @param clock the time a status starts, epoch milliseconds
     */
    public ConnectionHealth(ConnectionStatus initial, Consumer<ConnectionStatus> sink, LongSupplier clock) {
        this.current = initial;
        this.sink = sink;
        this.clock = clock;
        sink.accept(initial);
    }

    /** Sets the state of one part; ONLINE removes it. Changes are published in order, under the lock. */
    public synchronized void set(String part, ConnectionState state, String reason) {
        if (stopped) {
            return;
        }
        if (state == ConnectionState.ONLINE) {
            parts.remove(part);
        } else {
            parts.put(part, new Part(state, reason));
        }
        ConnectionState worst = ConnectionState.ONLINE;
        String why = null;
        for (Part p : parts.values()) {
            if (rank(p.state()) > rank(worst)) {
                worst = p.state();
                why = p.reason();
            }
        }
        if (current.state() == worst && Objects.equals(current.reason(), why)) {
            return;
        }
        current = worst == ConnectionState.ONLINE ? ConnectionStatus.online(clock.getAsLong())
                : ConnectionStatus.of(worst, why, clock.getAsLong());
        sink.accept(current);
    }

    /** Marks one part healthy. */
    public void clear(String part) {
        set(part, ConnectionState.ONLINE, null);
    }

    /**
     * Marks a stream's part CONNECTING after its socket was lost, with the reason and when the next attempt comes:
     * {@code "<stream> lost (<reason>); reconnecting in <n> ms (attempt <k>)"}.
     */
    public void streamDown(String part, String stream, String reason, long retryMillis, int attempt) {
        set(part, ConnectionState.CONNECTING, stream + " lost (" + reason + "); reconnecting in " + retryMillis
                + " ms (attempt " + attempt + ")");
    }

    /** Whether a part is currently reported (not ONLINE). */
    public synchronized boolean has(String part) {
        return parts.containsKey(part);
    }

    /** Goes OFFLINE for good (a new connection gets a new instance), with the reason. */
    public synchronized void stop(String reason) {
        if (stopped) {
            return;
        }
        stopped = true;
        parts.clear();
        current = ConnectionStatus.of(ConnectionState.OFFLINE, reason, clock.getAsLong());
        sink.accept(current);
    }

    /** The folded status. */
    public synchronized ConnectionStatus status() {
        return current;
    }

    private static int rank(ConnectionState s) {
        return switch (s) {
            case ONLINE -> 0;
            case DEGRADED -> 1;
            case CONNECTING -> 2;
            case OFFLINE -> 3;
        };
    }
}
