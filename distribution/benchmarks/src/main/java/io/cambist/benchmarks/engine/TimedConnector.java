package io.cambist.benchmarks.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.MarketEvent;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;

/**
 * A connector in front of a venue that notes when a candle enters the engine ({@code onMarketEvent} of the engine's
 * listener, called by the venue) and when an order enters the venue ({@code place}, called by the engine's account
 * lane), and records the interval. Everything else is passed through. The paper venue's matching engine is not
 * thread-safe and reports {@code NEW} from inside {@code place}, so whoever steps the venue waits for {@link #done()}.
 * <p>
 * The core's own wrappers do not fit: {@code TappedVenue} is package-private to the backtester and only remembers the
 * last candle, and {@code DelegatingConnector} lives in the core's test sources (no test jar is published).
 */
final class TimedConnector implements ExchangeConnector {

    private final ExchangeConnector venue;
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
        this.venue = venue;
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
            return venue.place(request);
        } finally {
            done++;
            returned.run();
        }
    }

    @Override
    public void connect(VenueListener engine) {
        venue.connect(new VenueListener() {
            @Override
            public void onMarketEvent(MarketEvent event) {
                if (event instanceof Candle) {
                    candleAt = System.nanoTime();
                }
                engine.onMarketEvent(event);
            }

            @Override
            public void onExecution(ExecutionReport report) {
                engine.onExecution(report);
            }

            @Override
            public void onStatus(ConnectionStatus status) {
                engine.onStatus(status);
            }

            @Override
            public ScheduledExecutorService scheduler() {
                return engine.scheduler();
            }

            @Override
            public long now() {
                return engine.now();
            }
        });
    }

    @Override
    public String account() {
        return venue.account();
    }

    @Override
    public String venue() {
        return venue.venue();
    }

    @Override
    public Set<Capability> capabilities() {
        return venue.capabilities();
    }

    @Override
    public ConnectionStatus status() {
        return venue.status();
    }

    @Override
    public void disconnect() {
        venue.disconnect();
    }

    @Override
    public List<InstrumentSpec> instruments() {
        return venue.instruments();
    }

    @Override
    public List<Balance> balances() {
        return venue.balances();
    }

    @Override
    public VenueOrder cancel(Instrument instrument, ClientOrderId clientOrderId) {
        return venue.cancel(instrument, clientOrderId);
    }

    @Override
    public Optional<VenueOrder> query(Instrument instrument, ClientOrderId clientOrderId) {
        return venue.query(instrument, clientOrderId);
    }

    @Override
    public List<VenueOrder> openOrders() {
        return venue.openOrders();
    }

    @Override
    public List<Fill> fills(Instrument instrument, ClientOrderId clientOrderId) {
        return venue.fills(instrument, clientOrderId);
    }

    @Override
    public void subscribe(Subscription subscription) {
        venue.subscribe(subscription);
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        venue.unsubscribe(subscription);
    }
}
