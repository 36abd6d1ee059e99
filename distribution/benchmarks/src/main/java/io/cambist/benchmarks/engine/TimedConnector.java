package io.cambist.benchmarks.engine;

import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.order.OrderRequest;
import io.cambist.core.internal.account.ForwardingConnector;

/**
 * A connector in front of a venue that notes when a candle enters the engine ({@code onMarketEvent} of the engine's
 * listener, called by the venue) and when an order enters the venue ({@code place}, called by the engine's account
 * lane), and records the interval. Everything else is passed through by the core's {@link ForwardingConnector}. The
 * paper venue's matching engine is not thread-safe and reports {@code NEW} from inside {@code place}, so whoever steps
 * the venue waits for {@link #done()}.
 */
final class TimedConnector extends ForwardingConnector {

    private final Samples samples;
    private volatile long candleAt;
    private volatile long lastLatency;
    private final Runnable returned;
    private volatile long placed;
    private volatile long done;

    /**
     * @param returned called after each {@code place} returned (the venue is then free for the next step)
     */
    TimedConnector(ExchangeConnector venue, Samples samples, Runnable returned) {
        super(venue);
        this.samples = samples;
        this.returned = returned;
    }

    /** When the last candle entered the engine ({@link System#nanoTime()}). */
    long candleAt() {
        return candleAt;
    }

    long lastLatency() {
        return lastLatency;
    }

    long placed() {
        return placed;
    }

    /** Calls of {@code place} that returned (or threw). */
    long done() {
        return done;
    }

    @Override
    public VenueOrder place(OrderRequest request) {
        long latency = System.nanoTime() - candleAt;
        lastLatency = latency;
        samples.add(latency);
        placed++; // only the account's lane calls place, one call at a time
        try {
            return delegate.place(request);
        } finally {
            done++;
            returned.run();
        }
    }

    @Override
    public void connect(VenueListener engine) {
        delegate.connect(tapCandles(engine, c -> candleAt = System.nanoTime()));
    }
}
