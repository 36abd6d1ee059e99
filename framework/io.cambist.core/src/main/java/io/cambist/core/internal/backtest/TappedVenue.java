package io.cambist.core.internal.backtest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.SimulatedVenue;
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

/** A simulated venue seen through a tap that remembers the last candle it published (for the equity curve). */
final class TappedVenue implements SimulatedVenue {

    private final SimulatedVenue venue;
    private Candle last;

    TappedVenue(SimulatedVenue venue) {
        this.venue = venue;
    }

    /** The last candle published, or {@code null}. */
    Candle last() {
        return last;
    }

    @Override
    public void connect(VenueListener listener) {
        venue.connect(new VenueListener() {
            @Override
            public void onMarketEvent(MarketEvent event) {
                if (event instanceof Candle c) {
                    last = c;
                }
                listener.onMarketEvent(event);
            }

            @Override
            public void onExecution(ExecutionReport report) {
                listener.onExecution(report);
            }

            @Override
            public void onStatus(ConnectionStatus status) {
                listener.onStatus(status);
            }

            @Override
            public ScheduledExecutorService scheduler() {
                return listener.scheduler();
            }

            @Override
            public long now() {
                return listener.now();
            }
        });
    }

    @Override
    public boolean step() {
        return venue.step();
    }

    @Override
    public long time() {
        return venue.time();
    }

    @Override
    public long published() {
        return venue.published();
    }

    @Override
    public long size() {
        return venue.size();
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
    public VenueOrder place(OrderRequest request) {
        return venue.place(request);
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

    @Override
    public long malformedMessages() {
        return venue.malformedMessages();
    }
}
